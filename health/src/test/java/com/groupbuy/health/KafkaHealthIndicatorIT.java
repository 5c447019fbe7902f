package com.groupbuy.health;

import com.groupbuy.infra.Infrastructures;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorIT {

    @Test
    void kafka_is_up_while_the_broker_describes_its_cluster() {
        KafkaHealthIndicator indicator = indicatorFor(Infrastructures.shared().kafkaBootstrapServers());
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void kafka_is_down_when_nothing_listens_at_the_bootstrap_address() throws IOException {
        KafkaHealthIndicator indicator = indicatorFor("127.0.0.1:" + closedPort());
        try {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }

    private static KafkaHealthIndicator indicatorFor(String bootstrapServers) {
        return new KafkaHealthIndicator(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Duration.ofSeconds(1));
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
