package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void the_broker_classpath_holds_our_main_class_and_kafkas_jars_which_all_exist() {
        List<String> entries = Arrays.asList(KafkaBroker.classpath().split(File.pathSeparator));

        assertThat(entries).allMatch(entry -> Files.exists(Path.of(entry)));
        assertThat(Path.of(entries.getFirst()).resolve("com/groupbuy/infra/KafkaBrokerMain.class")).exists();
        assertThat(entries).anyMatch(entry -> entry.contains("kafka_2.13-"))
                .anyMatch(entry -> entry.contains("kafka-clients-"))
                .anyMatch(entry -> entry.contains("log4j-slf4j2-impl-"));
    }

    @Test
    void the_node_is_a_combined_broker_and_controller_that_creates_no_topics_by_itself() throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(KafkaBroker.serverProperties(Path.of("/data"), 9092, 9093)));

        assertThat(properties)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("log.dirs", "/data");
    }
}
