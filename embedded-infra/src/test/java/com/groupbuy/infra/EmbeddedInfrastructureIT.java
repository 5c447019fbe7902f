package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureIT {

    private static EmbeddedInfrastructure infrastructure;

    @BeforeAll
    static void start() {
        infrastructure = EmbeddedInfrastructure.start();
    }

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    @Test
    void kafka_delivers_a_produced_record_to_a_consumer_of_a_new_topic() throws Exception {
        String topic = "orders-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        RecordMetadata sent;
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, "order-1", "placed")).get(30, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("order-1");
                assertThat(record.value()).isEqualTo("placed");
                assertThat(record.partition()).isEqualTo(sent.partition());
            });
        }
    }

    @Test
    void postgres_creates_a_requested_database_and_runs_sql_in_it() throws Exception {
        String url = infrastructure.jdbcUrl("anydb");
        assertThat(url).endsWith("/anydb");
        try (Connection connection = DriverManager.getConnection(url, infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE drinks (id INT PRIMARY KEY, name TEXT NOT NULL)");
            statement.execute("INSERT INTO drinks VALUES (1, 'oolong'), (2, 'matcha')");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT current_database(), string_agg(name, ',' ORDER BY id) FROM drinks")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("anydb");
                assertThat(rows.getString(2)).isEqualTo("oolong,matcha");
            }
        }
        assertThat(infrastructure.jdbcUrl("anydb")).as("asking again reuses the database").isEqualTo(url);
    }

    @Test
    void redis_returns_a_value_that_was_set() throws IOException {
        assertThat(infrastructure.redisUrl()).isEqualTo("redis://127.0.0.1:" + infrastructure.redisPort());
        try (Socket socket = new Socket(infrastructure.redisHost(), infrastructure.redisPort())) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            out.write("*3\r\n$3\r\nSET\r\n$5\r\ndrink\r\n$6\r\noolong\r\n*2\r\n$3\r\nGET\r\n$5\r\ndrink\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] expected = "+OK\r\n$6\r\noolong\r\n".getBytes(StandardCharsets.US_ASCII);
            assertThat(new String(socket.getInputStream().readNBytes(expected.length), StandardCharsets.US_ASCII))
                    .isEqualTo(new String(expected, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void two_instances_run_side_by_side_without_sharing_ports_or_directories() throws Exception {
        try (EmbeddedInfrastructure other = EmbeddedInfrastructure.start()) {
            assertThat(Set.of(other.kafkaPort(), other.postgresPort(), other.redisPort()))
                    .doesNotContainAnyElementsOf(Set.of(infrastructure.kafkaPort(), infrastructure.postgresPort(),
                            infrastructure.redisPort()));
            assertThat(other.directory()).isNotEqualTo(infrastructure.directory());
            for (EmbeddedInfrastructure each : List.of(infrastructure, other)) {
                assertThat(RedisServer.ping(each.redisPort())).isTrue();
                try (Connection connection = DriverManager.getConnection(each.jdbcUrl("postgres"),
                        each.jdbcUsername(), each.jdbcPassword())) {
                    assertThat(connection.isValid(5)).isTrue();
                }
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", each.kafkaBootstrapServers()))) {
                    assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                }
            }
        }
    }

    @Test
    void closing_stops_every_server_and_deletes_its_directory() {
        EmbeddedInfrastructure closed = EmbeddedInfrastructure.start();
        List<Integer> ports = List.of(closed.kafkaPort(), closed.postgresPort(), closed.redisPort());
        assertThat(ports).allMatch(EmbeddedInfrastructureIT::accepts);

        closed.close();

        assertThat(ports).noneMatch(EmbeddedInfrastructureIT::accepts);
        assertThat(closed.directory()).doesNotExist();
        assertThat(infrastructure.directory()).as("the other instance is untouched").exists();
    }

    @Test
    void servers_stopped_and_started_again_come_back_on_their_ports_postgres_and_kafka_with_their_data()
            throws Exception {
        try (EmbeddedInfrastructure restarted = EmbeddedInfrastructure.start()) {
            String url = restarted.jdbcUrl("kept");
            try (Connection connection = DriverManager.getConnection(url, restarted.jdbcUsername(),
                    restarted.jdbcPassword()); var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE cups (size TEXT)");
                statement.execute("INSERT INTO cups VALUES ('large')");
            }
            String topic = "kept-" + UUID.randomUUID();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", restarted.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Properties producer = producerConfig();
            producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, restarted.kafkaBootstrapServers());
            try (var kafka = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
                kafka.send(new ProducerRecord<>(topic, "cup", "large")).get(30, TimeUnit.SECONDS);
            }
            List<Integer> ports = List.of(restarted.kafkaPort(), restarted.postgresPort(), restarted.redisPort());

            for (ServerOutages.Server server : ServerOutages.Server.values()) {
                restarted.stop(server);
            }
            assertThat(ports).noneMatch(EmbeddedInfrastructureIT::accepts);
            for (ServerOutages.Server server : ServerOutages.Server.values()) {
                restarted.startAgain(server);
            }

            assertThat(ports).allMatch(EmbeddedInfrastructureIT::accepts);
            try (Connection connection = DriverManager.getConnection(url, restarted.jdbcUsername(),
                    restarted.jdbcPassword()); var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT size FROM cups")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("large");
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", restarted.kafkaBootstrapServers()))) {
                var end = admin.listOffsets(Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                        org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS);
                assertThat(end.values()).singleElement().satisfies(offsets ->
                        assertThat(offsets.offset()).isEqualTo(1));
            }
            assertThat(RedisServer.ping(restarted.redisPort())).isTrue();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }

    private static Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
