package com.groupbuy.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Measured rounds taken in turns with another benchmark on the same machine ({@code bin/benchmark-compare}): two
 * commits' stacks run side by side, warmed up alike, and only one of them works at a time. The driver gives a turn by
 * creating {@code <name>.go.<round>} in a shared directory; this side answers {@code <name>.ready} once warmed up and
 * {@code <name>.done.<round>} (the round's result) after each round. Alone (no directory set), every turn is at once.
 */
final class Turns {

    private static final Duration WAIT = Duration.ofMinutes(30);

    private final Path directory;
    private final String name;

    private Turns(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** From {@code -Dgroupbuy.bench.turns=<directory>} and {@code -Dgroupbuy.bench.name=<name>}. */
    static Turns fromSystemProperties() {
        String directory = System.getProperty("groupbuy.bench.turns", "");
        return new Turns(directory.isBlank() ? null : Path.of(directory),
                System.getProperty("groupbuy.bench.name", "bench"));
    }

    boolean taken() {
        return directory != null;
    }

    void ready() throws IOException {
        write(name + ".ready", "");
    }

    void await(int round) throws IOException, InterruptedException {
        if (!taken()) {
            return;
        }
        Path go = directory.resolve(name + ".go." + round);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no turn for round " + round + " within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    void done(int round, String result) throws IOException {
        write(name + ".done." + round, result);
    }

    private void write(String file, String content) throws IOException {
        if (taken()) {
            Path partial = directory.resolve(file + ".partial");
            Files.writeString(partial, content);
            Files.move(partial, directory.resolve(file));
        }
    }
}
