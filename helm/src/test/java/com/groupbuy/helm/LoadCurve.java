package com.groupbuy.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A metric over time from src/test/resources/autoscaling: lines of "seconds,value", # comments and a header. */
final class LoadCurve {

    private final NavigableMap<Long, Double> points;

    private LoadCurve(NavigableMap<Long, Double> points) {
        this.points = points;
    }

    static LoadCurve read(String file) {
        NavigableMap<Long, Double> points = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("src", "test", "resources", "autoscaling", file))) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("seconds")) {
                    continue;
                }
                String[] fields = line.split(",");
                points.put(Long.parseLong(fields[0].strip()), Double.parseDouble(fields[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LoadCurve(points);
    }

    /** The value last reported at or before {@code second}. */
    double at(long second) {
        return points.floorEntry(second).getValue();
    }

    long lastSecond() {
        return points.lastKey();
    }
}
