package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class InfrastructuresIT {

    @Test
    void the_shared_infrastructure_is_started_once_per_jvm_and_outlives_a_close_by_a_user() throws Exception {
        Infrastructure shared = Infrastructures.shared();

        shared.close();

        assertThat(Infrastructures.shared()).isSameAs(shared);
        assertThat(RedisServer.ping(shared.redisPort())).isTrue();
        try (var connection = DriverManager.getConnection(shared.jdbcUrl("readmodel"), shared.jdbcUsername(),
                shared.jdbcPassword())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}
