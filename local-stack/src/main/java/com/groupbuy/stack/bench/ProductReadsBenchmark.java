package com.groupbuy.stack.bench;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.platform.redis.RedisClientSizing;
import com.groupbuy.query.RedisPointer;
import com.groupbuy.stack.LocalStack;
import com.groupbuy.stack.StackClient;
import com.groupbuy.stack.StackOptions;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/benchmark product-reads [requests] [connections]}: the storefront's hottest read, one product by SKU
 * from the query side ({@code GET /api/v1/products/{sku}}), over {@code connections} concurrent HTTP connections;
 * an answer counts only when it is 200 and carries the {@code X-Read-Model-*} freshness headers. In the same run
 * it reads the same key, the product's hash in the product cache's current generation, from a plain Redisson client
 * configured as the query side's, with as many concurrent callers, for the raw rate the HTTP path is compared with. Starts its own stack; prints a Markdown summary, and exits 1 when an answer
 * missed.
 */
public final class ProductReadsBenchmark {

    private static final String SKU = "READS-BENCH";
    private static final List<String> FRESHNESS_HEADERS = List.of(
            "x-read-model-position", "x-read-model-event-time", "x-read-model-age");
    /** A read that answered, but not with a 200 carrying the freshness headers. */
    private static final int MISS = -1;

    private final LocalStack stack;
    private final StackClient client = new StackClient();

    private ProductReadsBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path logs = Path.of("target", "bench-logs", "product-reads");
        long misses;
        try (LocalStack stack = LocalStack.start(StackOptions.forBenchmark(logs, 1))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-shutdown"));
            misses = new ProductReadsBenchmark(stack).run(requests, connections);
        }
        if (misses > 0) {
            System.out.println("\n**VIOLATION**: " + misses + " reads were not a 200 with the freshness headers.");
            System.exit(1);
        }
    }

    /** Answers the number of HTTP reads that missed. */
    private long run(int requests, int connections) throws Exception {
        String admin = client.devToken(stack.apiUrl(), "bench-admin", "admin");
        StackClient.Response registered = client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of(
                "sku", SKU, "name", "Reads bench tea", "category", "bench", "priceCents", 500,
                "initialStock", 1_000));
        require(registered.status() == 201, "could not register the product: " + registered);
        String token = client.devToken(stack.queryUrl(), "bench-reader", "customer");
        URI product = URI.create(stack.queryUrl() + "/api/v1/products/" + SKU);
        awaitProduct(product, token);

        int warmUp = Math.max(2_000, requests / 10);
        try (RawReads raw = new RawReads(stack.infrastructure().redisUrl())) {
            System.err.println("warming up the query side and the raw client…");
            overHttp(product, token, warmUp, connections);
            raw.burst(warmUp, connections);

            System.err.println("measuring…");
            CpuLedger cpu = new CpuLedger(client, stack.processUrls());
            CpuLedger.Sample cpuBefore = cpu.sample();
            Burst reads = overHttp(product, token, requests, connections);
            CpuLedger.Sample cpuAfter = cpu.sample();
            Burst direct = raw.burst(requests, connections);
            report(requests, connections, reads, direct, CpuLedger.between(cpuBefore, cpuAfter));
            return reads.count(MISS);
        }
    }

    /** Waits until the product cache projection has put the product where the query side reads it. */
    private void awaitProduct(URI product, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (client.get(product.toString(), token).status() != 200) {
            require(System.nanoTime() < deadline, "the query side never answered " + product);
            Thread.sleep(200);
        }
    }

    private Burst overHttp(URI product, String token, int requests, int connections) throws Exception {
        try (PlainHttp http = new PlainHttp(product)) {
            return Burst.of(requests, connections, n -> {
                PlainHttp.Answer answer = http.get(product.getPath(), token);
                return answer.status() == 200 && fresh(answer.headers()) ? 200 : MISS;
            });
        }
    }

    private static boolean fresh(Map<String, String> headers) {
        return FRESHNESS_HEADERS.stream().allMatch(headers::containsKey);
    }

    /** The product cache's reads from a plain Redisson client configured as the query side's. */
    private static final class RawReads implements AutoCloseable {

        private final RedissonClient redisson;

        RawReads(String redisUrl) {
            this.redisson = Redisson.create(RedisClientSizing.forThisProcess(4).applyTo(new Config(), redisUrl));
        }

        Burst burst(int reads, int concurrency) throws Exception {
            long generation = RedisPointer.generation(redisson, RedisKeys.productCacheGeneration()).orElseThrow();
            String key = RedisKeys.product(generation, SKU);
            return Burst.of(reads, concurrency, n -> {
                Map<String, String> hash = redisson.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap();
                return hash.containsKey("name") ? 200 : MISS;
            });
        }

        @Override
        public void close() {
            redisson.shutdown();
        }
    }

    private static void report(int requests, int connections, Burst reads, Burst direct, CpuLedger.Spent spent) {
        System.out.printf("""

                ## Product reads: %,d reads of one product, %d concurrent connections
                | path | reads | per s | misses | p50 | p99 |
                |---|---|---|---|---|---|
                | HTTP (query side, `GET /api/v1/products/{sku}`) | %,d | %,.0f | %d | %.2f ms | %.2f ms |
                | raw (Redisson: the product's `HGETALL`) | %,d | %,.0f | %d | %.2f ms | %.2f ms |

                HTTP path / raw: %.0f %%.

                ## CPU during the HTTP reads (%.1f s wall, %d cores; CPU seconds)
                %s
                %s
                query-side CPU per read: %.3f ms
                """, requests, connections,
                reads.statuses().length, reads.rate(), reads.count(MISS), reads.percentileMillis(0, 50),
                reads.percentileMillis(0, 99),
                direct.statuses().length, direct.rate(), direct.count(MISS), direct.percentileMillis(0, 50),
                direct.percentileMillis(0, 99),
                100 * reads.rate() / direct.rate(),
                reads.seconds(), Runtime.getRuntime().availableProcessors(), spent.header(), spent.row(),
                1000 * spent.processSeconds().get("query-side") / reads.statuses().length);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
