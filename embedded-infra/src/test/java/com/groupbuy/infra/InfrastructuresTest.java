package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.groupbuy.infra.Infrastructures.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfrastructuresTest {

    @Test
    void testcontainers_is_chosen_when_docker_answers() {
        assertThat(Infrastructures.choose(Optional.empty(), () -> true)).isEqualTo(Kind.TESTCONTAINERS);
    }

    @Test
    void embedded_servers_are_chosen_without_docker() {
        assertThat(Infrastructures.choose(Optional.empty(), () -> false)).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void an_explicit_setting_wins_without_asking_docker() {
        assertThat(Infrastructures.choose(Optional.of("embedded"), () -> {
            throw new AssertionError("docker was probed");
        })).isEqualTo(Kind.EMBEDDED);
        assertThat(Infrastructures.choose(Optional.of(" Testcontainers "), () -> false))
                .isEqualTo(Kind.TESTCONTAINERS);
    }

    @Test
    void an_unknown_setting_is_rejected() {
        assertThatThrownBy(() -> Infrastructures.choose(Optional.of("docker"), () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded or testcontainers");
    }
}
