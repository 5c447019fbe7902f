package com.groupbuy.stack;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilds every read model from Kafka through the projections process's operator endpoints and checks that each
 * equals its live model (their checksums), on a stack that is quiet meanwhile.
 */
final class RebuildCheck {

    private RebuildCheck() {
    }

    static void everyReadModelEqualsItsRebuild(String projectionsUrl, String adminToken, Duration patience)
            throws Exception {
        StackClient client = new StackClient();
        JsonNode projections = client.get(projectionsUrl + "/admin/projections", adminToken).body();
        assertThat(projections.size()).isPositive();
        for (JsonNode projection : projections) {
            String name = projection.get("name").asString();
            StackClient.Response started = client.post(
                    projectionsUrl + "/admin/projections/" + name + "/rebuild", adminToken, Map.of());
            assertThat(started.status()).as("rebuild of %s: %s", name, started.body()).isEqualTo(202);
            JsonNode done = await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> client.get(
                    projectionsUrl + "/admin/projections/" + name + "/rebuild", adminToken).body(),
                    status -> !status.path("state").asString("").equals("RUNNING"));
            assertThat(done.get("state").asString()).as("%s: %s", name, done).isEqualTo("DONE");
            // identical is null when the rebuild could not prove both saw the same offsets; the system is quiet
            // here, so the live model's checksum must equal the rebuilt one's either way
            assertThat(done.path("identical").isBoolean() && !done.get("identical").asBoolean())
                    .as("%s differs from its rebuild: %s", name, done).isFalse();
            assertThat(done.path("liveChecksum").path("checksum").asString())
                    .as("%s equals its rebuild: %s", name, done)
                    .isEqualTo(done.path("rebuiltChecksum").path("checksum").asString()).isNotEmpty();
        }
    }
}
