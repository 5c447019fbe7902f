package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

    private final WorkDirectory work = WorkDirectory.create(WorkDirectory.temporaryRoot());

    @AfterEach
    void deleteWorkDirectory() {
        work.delete();
    }

    @Test
    void the_broker_halts_when_the_process_that_started_it_is_gone() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        KafkaBroker broker = KafkaBroker.start(work, parent.pid());
        try {
            assertThat(broker.isAlive()).isTrue();

            parent.destroy();
            parent.waitFor();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (broker.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(broker.isAlive()).as("broker still running after its parent ended").isFalse();
            assertThat(Files.readString(work.root().resolve("kafka/kafka.log")))
                    .contains("The process that started this broker is gone");
        } finally {
            broker.close();
        }
    }
}
