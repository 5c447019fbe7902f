package com.groupbuy.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code bin/run-local [--apis N] [--workers M] [--json-logs]}: the whole system on the embedded servers, seeded with
 * the demo catalog, until Ctrl-C.
 */
public final class LocalRun {

    /** The order processes are listed in, by role; numbered copies ({@code api-2}) follow their first. */
    private static final List<String> ROLES = List.of("api", "query-side", "projections", "worker");

    private LocalRun() {
    }

    /** Every process logs JSON lines (Spring Boot's structured logging, ECS), as in the chart and compose. */
    static final String JSON_LOGS = "--json-logs";

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean jsonLogs = options.contains(JSON_LOGS);
        ProcessCounts counts;
        try {
            counts = ProcessCounts.parse(options.stream().filter(option -> !option.equals(JSON_LOGS)).toList());
        } catch (IllegalArgumentException e) {
            System.err.println("bin/run-local: " + e.getMessage());
            System.err.println(ProcessCounts.USAGE);
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", ".local-stack/logs")).toAbsolutePath();
        System.out.printf("Starting Kafka, PostgreSQL and Redis, then %d api, projections, %d worker and query-side"
                + " processes (logs in %s) ...%n", counts.apis(), counts.workers(), logs);
        StackOptions stackOptions = StackOptions.forLocalRun(logs).withProcesses(counts.apis(), counts.workers());
        LocalStack stack = LocalStack.start(jsonLogs
                ? stackOptions.withArguments("--logging.structured.format.console=ecs")
                : stackOptions);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping every process of the local run ...");
            stack.close();
        }, "local-run-shutdown"));

        StackClient client = new StackClient();
        String adminToken = client.devToken(stack.apiUrl(), "admin-1", "admin");
        String customerToken = client.devToken(stack.queryUrl(), "u1", "customer");
        String staffToken = client.devToken(stack.queryUrl(), "barista-1", "staff");
        DemoCatalog.seed(client, stack.apiUrl(), adminToken);
        String demo = demoActivity(client, stack, adminToken);

        System.out.printf("""

                groupbuy is running (started in %d s)

                  console      %s   (one click signs in as analyst, staff or admin)
                  demo         %s
                %s  kafka        %s
                  postgresql   %s
                  redis        %s
                  logs         %s

                Create a product (admin token) and read it back (customer token):

                curl -i -X POST %s/api/v1/products \\
                  -H 'Authorization: Bearer %s' \\
                  -H 'Content-Type: application/json' \\
                  -d '{"sku":"PEACH-OOLONG","name":"Peach oolong","category":"tea","priceCents":480,"initialStock":50}'

                curl -s %s/api/v1/products/PEACH-OOLONG -H 'Authorization: Bearer %s'

                The counter's queue of paid orders to make (staff token; POST /api/v1/orders/{id}/preparation,
                /ready and /handover on the api move an order along):

                curl -s %s/api/v1/counter/queue -H 'Authorization: Bearer %s'

                The API, described (no token needed to read it): %s/swagger-ui.html (api) and
                %s/swagger-ui.html (query side)

                Demo products: %s
                Press Ctrl-C to stop everything.
                """,
                Duration.between(started, Instant.now()).toSeconds(), stack.consoleUrl(), demo, addresses(stack),
                stack.infrastructure().kafkaBootstrapServers(), stack.infrastructure().jdbcUrl("readmodel"),
                stack.infrastructure().redisUrl(), logs,
                stack.apiUrl(), adminToken, stack.queryUrl(), customerToken, stack.queryUrl(), staffToken,
                stack.apiUrl(), stack.queryUrl(),
                DemoCatalog.PRODUCTS.stream().map(DemoCatalog.DemoProduct::sku).toList());
        Thread.currentThread().join();
    }

    /** Seeds the demo's promotions and paid orders; the local run goes on without them when that fails. */
    private static String demoActivity(StackClient client, LocalStack stack, String adminToken) {
        try {
            DemoActivity.Seeded seeded = DemoActivity.seed(client, stack.apiUrl(), stack.queryUrl(), adminToken);
            return seeded.paidOrders().size() + " paid orders (" + seeded.paidUnits() + " drinks), coupon campaign "
                    + seeded.campaignId() + ", flash sale " + seeded.flashSaleId() + ", group buy "
                    + seeded.groupBuyId();
        } catch (Exception e) {
            return "no demo orders: seeding them failed (" + e + ")";
        }
    }

    /** One line per process; with several apis the balancer in front of them comes first, as the api endpoint. */
    private static String addresses(LocalStack stack) {
        List<ServiceProcess> processes = stack.processes().stream()
                .sorted(Comparator.comparingInt(process -> ROLES.indexOf(process.role())))
                .toList();
        boolean balanced = stack.apiUrls().size() > 1;
        StringBuilder lines = new StringBuilder();
        if (balanced) {
            lines.append(line("api endpoint", stack.apiUrl(), "commands and dev tokens, round robin over "
                    + processes.stream().filter(process -> process.role().equals("api")).map(ServiceProcess::name)
                            .collect(Collectors.joining(", "))));
        }
        for (ServiceProcess process : processes) {
            String note = switch (process.role()) {
                case "api" -> balanced ? "this api alone" : "commands; POST /api/v1/dev/tokens for tokens";
                case "query-side" -> "reads";
                case "projections" -> "operator endpoints, admin token: bin/projections-admin";
                default -> "actuator only";
            };
            lines.append(line(process.name(), process.baseUrl(), note));
        }
        return lines.toString();
    }

    private static String line(String name, String url, String note) {
        return String.format("  %-12s %s   (%s)%n", name, url, note);
    }
}
