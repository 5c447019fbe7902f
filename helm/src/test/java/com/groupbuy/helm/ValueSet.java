package com.groupbuy.helm;

import java.nio.file.Path;
import java.util.Optional;

/** The value sets the chart is rendered with in the tests: its defaults plus the files in src/test/resources/values. */
enum ValueSet {
    DEFAULTS(null),
    PRODUCTION("production.yaml"),
    KEDA("keda.yaml"),
    EDGE("edge.yaml");

    private final String file;

    ValueSet(String file) {
        this.file = file;
    }

    Optional<Path> valuesFile() {
        return Optional.ofNullable(file).map(ValueSet::resource);
    }

    static Path resource(String valuesFile) {
        return Path.of("src", "test", "resources", "values", valuesFile);
    }
}
