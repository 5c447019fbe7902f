package com.groupbuy.stack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flash-sale benchmark's retrying crowd: each buyer (its own user and token) sends up to {@link #TRIES}
 * purchases. After a refusal (409), a 429 or any other answer it tries again after a pause of
 * {@link #MIN_PAUSE_MS}–{@link #MAX_PAUSE_MS} ms; half the buyers ask one unit and try again after a 202 too,
 * pushing against the sale's per-user limit of {@link #PER_USER_LIMIT}, the others ask the whole limit and stop
 * once admitted. The buyers arrive evenly over {@link #ARRIVALS}. At most {@code connections} purchases are in flight, one virtual thread per connection; a buyer
 * waiting out its pause holds none.
 */
final class RetryingCrowd {

    static final int TRIES = 4;
    static final int PER_USER_LIMIT = 2;
    static final int MIN_PAUSE_MS = 20;
    static final int MAX_PAUSE_MS = 200;
    /** The buyers' first tries are spread over this, so that the first to come back meet buyers still arriving. */
    static final Duration ARRIVALS = Duration.ofSeconds(1);
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\w+)\"");

    record Buyer(String userId, String token, int quantity) {
    }

    /** Every try's answer, the refusals (409) by their code, and the units each buyer was admitted (202) for. */
    record Result(Burst burst, Map<String, Integer> refusalCodes,
                  Map<String, Integer> admittedUnits) {
    }

    /** A buyer's next try, due at {@code dueNanos}. */
    private record Try(int buyer, int attempt, long dueNanos) implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Try) other).dueNanos);
        }
    }

    private final PlainHttp http;

    RetryingCrowd(PlainHttp http) {
        this.http = http;
    }

    /** Half the buyers ask one unit, the others the whole per-user limit. */
    static List<Buyer> buyers(List<String> userIds, List<String> tokens) {
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            buyers.add(new Buyer(userIds.get(i), tokens.get(i), i % 2 == 0 ? 1 : PER_USER_LIMIT));
        }
        return buyers;
    }

    Result run(String purchases, List<Buyer> buyers, int connections) throws Exception {
        int[] statuses = new int[buyers.size() * TRIES];
        long[] latencies = new long[statuses.length];
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        Map<String, Integer> admitted = new ConcurrentHashMap<>();
        DelayQueue<Try> due = new DelayQueue<>();
        long started = System.nanoTime();
        for (int b = 0; b < buyers.size(); b++) {
            due.add(new Try(b, 1, started + ARRIVALS.toNanos() * b / buyers.size()));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                running.add(pool.submit(() -> {
                    while (finished.get() < buyers.size()) {
                        Try next = due.poll(50, TimeUnit.MILLISECONDS);
                        if (next == null) {
                            continue;
                        }
                        Buyer buyer = buyers.get(next.buyer());
                        long sent = System.nanoTime();
                        PlainHttp.Answer response = http.post(purchases, buyer.token(),
                                "{\"quantity\":" + buyer.quantity() + "}");
                        long now = System.nanoTime();
                        int i = answered.getAndIncrement();
                        latencies[i] = (now - sent) / 1_000;
                        statuses[i] = response.status();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        if (response.status() == 202) {
                            admitted.merge(buyer.userId(), buyer.quantity(), Integer::sum);
                        } else if (response.status() == 409) {
                            Matcher code = CODE.matcher(response.body());
                            codes.merge(code.find() ? code.group(1) : "?", 1, Integer::sum);
                        }
                        boolean again = next.attempt() < TRIES
                                && (response.status() != 202 || buyer.quantity() < PER_USER_LIMIT);
                        if (again) {
                            long pause = TimeUnit.MILLISECONDS.toNanos(
                                    ThreadLocalRandom.current().nextLong(MIN_PAUSE_MS, MAX_PAUSE_MS + 1));
                            due.add(new Try(next.buyer(), next.attempt() + 1, now + pause));
                        } else {
                            finished.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        int count = answered.get();
        return new Result(new Burst(Arrays.copyOf(statuses, count),
                Arrays.copyOf(latencies, count), (lastAnswer.get() - started) / 1e9), codes, admitted);
    }
}
