package com.groupbuy.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka is reachable when the cluster describes itself within the timeout. Spring Boot has no Kafka health
 * indicator; this one keeps one AdminClient for the process's life (created on the first check) rather than
 * connecting anew on every probe.
 */
final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminProperties;
    private final Duration timeout;
    private Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
        super("Kafka health check failed");
        this.adminProperties = new HashMap<>(adminProperties);
        this.adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG,
                adminProperties.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "groupbuy") + "-health");
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin()
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        long waitMillis = timeout.toMillis() + 500;
        String clusterId = cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS);
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes.size());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
