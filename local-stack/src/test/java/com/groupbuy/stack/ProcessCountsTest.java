package com.groupbuy.stack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The options of {@code bin/run-local}. */
class ProcessCountsTest {

    @Test
    void without_options_one_api_and_one_worker_run() {
        assertThat(ProcessCounts.parse(List.of())).isEqualTo(new ProcessCounts(1, 1));
    }

    @Test
    void apis_and_workers_are_counted_in_either_spelling() {
        assertThat(ProcessCounts.parse(List.of("--apis", "2", "--workers=3"))).isEqualTo(new ProcessCounts(2, 3));
        assertThat(ProcessCounts.parse(List.of("--workers", "4"))).isEqualTo(new ProcessCounts(1, 4));
    }

    @Test
    void bad_values_are_refused_with_what_is_wrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessCounts.parse(List.of("--apis", "0")))
                .withMessage("--apis must be from 1 to 16, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessCounts.parse(List.of("--workers", "two")))
                .withMessage("--workers takes a whole number, not 'two'");
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessCounts.parse(List.of("--workers")))
                .withMessage("--workers needs a number");
        assertThatIllegalArgumentException().isThrownBy(() -> ProcessCounts.parse(List.of("--api", "2")))
                .withMessage("unknown option --api");
    }
}
