package com.groupbuy.stack.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** The answers of one burst: status and latency (µs) per attempt, and the wall time of the burst. */
record Burst(int[] statuses, long[] latenciesMicros, double seconds) {

    /** One call of a burst: the n-th of it; answers its status. */
    @FunctionalInterface
    interface Call {
        int make(int n) throws Exception;
    }

    /** {@code count} calls, {@code concurrency} at a time (one virtual thread each), as fast as they answer. */
    static Burst of(int count, int concurrency, Call call) throws Exception {
        int[] statuses = new int[count];
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        statuses[i] = call.make(i);
                        latencies[i] = (System.nanoTime() - sent) / 1_000;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return new Burst(statuses, latencies, (System.nanoTime() - started) / 1e9);
    }

    long count(int status) {
        return Arrays.stream(statuses).filter(s -> s == status).count();
    }

    double rate() {
        return statuses.length / seconds;
    }

    double percentileMillis(int status, int p) {
        return percentileMillis(s -> status == 0 || s == status, p);
    }

    double percentileMillis(IntPredicate status, int p) {
        long[] sorted = IntStream.range(0, statuses.length)
                .filter(i -> status.test(statuses[i]))
                .mapToLong(i -> latenciesMicros[i]).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }
}
