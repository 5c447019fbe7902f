package com.groupbuy.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code bin/run-local}: the whole system on the embedded servers, seeded with the demo catalog, until Ctrl-C.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", ".local-stack/logs")).toAbsolutePath();
        System.out.println("Starting Kafka, PostgreSQL and Redis, then api, projections, worker and query-side"
                + " (logs in " + logs + ") ...");
        LocalStack stack = LocalStack.start(StackOptions.forLocalRun(logs));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping every process of the local run ...");
            stack.close();
        }, "local-run-shutdown"));

        StackClient client = new StackClient();
        String adminToken = client.devToken(stack.apiUrl(), "admin-1", "admin");
        String customerToken = client.devToken(stack.queryUrl(), "u1", "customer");
        DemoCatalog.seed(client, stack.apiUrl(), adminToken);

        System.out.printf("""

                groupbuy is running (started in %d s)
                  api          %s   (commands; POST /api/v1/dev/tokens for tokens)
                  query-side   %s   (reads)
                  projections  %s   (actuator only)
                  worker       %s   (actuator only)
                  kafka        %s
                  postgresql   %s
                  redis        %s
                  logs         %s

                Create a product (admin token) and read it back (customer token):

                curl -i -X POST %s/api/v1/products \\
                  -H 'Authorization: Bearer %s' \\
                  -H 'Content-Type: application/json' \\
                  -d '{"sku":"PEACH-OOLONG","name":"Peach oolong","category":"tea","priceCents":480,"initialStock":50}'

                curl -s %s/api/v1/products/PEACH-OOLONG -H 'Authorization: Bearer %s'

                Demo products: %s
                Press Ctrl-C to stop everything.
                """,
                Duration.between(started, Instant.now()).toSeconds(),
                stack.apiUrl(), stack.queryUrl(), stack.projectionsUrl(), stack.workerUrl(),
                stack.infrastructure().kafkaBootstrapServers(), stack.infrastructure().jdbcUrl("readmodel"),
                stack.infrastructure().redisUrl(), logs,
                stack.apiUrl(), adminToken, stack.queryUrl(), customerToken,
                DemoCatalog.PRODUCTS.stream().map(DemoCatalog.DemoProduct::sku).toList());
        Thread.currentThread().join();
    }
}
