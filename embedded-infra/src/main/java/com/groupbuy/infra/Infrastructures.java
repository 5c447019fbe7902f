package com.groupbuy.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts the infrastructure that fits this machine: Testcontainers when a Docker engine answers, embedded
 * processes otherwise. The system property {@value #SETTING_PROPERTY} or the environment variable
 * {@value #SETTING_ENVIRONMENT} ({@code embedded} or {@code testcontainers}) forces one.
 */
public final class Infrastructures {

    public static final String SETTING_PROPERTY = "groupbuy.infra";
    public static final String SETTING_ENVIRONMENT = "GROUPBUY_INFRA";

    private static final Logger log = LoggerFactory.getLogger(Infrastructures.class);
    private static final long DOCKER_PROBE_TIMEOUT_SECONDS = 10;

    private static Infrastructure shared;

    enum Kind { EMBEDDED, TESTCONTAINERS }

    private Infrastructures() {
    }

    /** A new infrastructure; the caller closes it. */
    public static Infrastructure start() {
        Kind kind = choose(setting(), Infrastructures::dockerAvailable);
        log.info("Starting the {} infrastructure", kind.name().toLowerCase(Locale.ROOT));
        return switch (kind) {
            case EMBEDDED -> EmbeddedInfrastructure.start();
            case TESTCONTAINERS -> TestcontainersInfrastructure.start();
        };
    }

    /**
     * The infrastructure every caller in this JVM shares, started on the first call and stopped when the JVM exits.
     * Closing it does nothing, so that one test class cannot take it away from the next.
     */
    public static synchronized Infrastructure shared() {
        if (shared == null) {
            Infrastructure started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "groupbuy-shared-infra-shutdown"));
            shared = new SharedInfrastructure(started);
        }
        return shared;
    }

    static Kind choose(Optional<String> setting, BooleanSupplier dockerAvailable) {
        if (setting.isPresent()) {
            return switch (setting.get().trim().toLowerCase(Locale.ROOT)) {
                case "embedded" -> Kind.EMBEDDED;
                case "testcontainers" -> Kind.TESTCONTAINERS;
                default -> throw new IllegalArgumentException(SETTING_PROPERTY + "/" + SETTING_ENVIRONMENT
                        + " must be embedded or testcontainers, not " + setting.get());
            };
        }
        return dockerAvailable.getAsBoolean() ? Kind.TESTCONTAINERS : Kind.EMBEDDED;
    }

    private static Optional<String> setting() {
        return Stream.of(System.getProperty(SETTING_PROPERTY), System.getenv(SETTING_ENVIRONMENT))
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
    }

    /** Asks Testcontainers only when a Docker endpoint may exist, and not for long: its probe can hang and log. */
    private static boolean dockerAvailable() {
        if (!dockerEndpointMayExist()) {
            return false;
        }
        try {
            return CompletableFuture.supplyAsync(() -> DockerClientFactory.instance().isDockerAvailable())
                    .get(DOCKER_PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("No answer from Docker within {} s, using the embedded infrastructure",
                    DOCKER_PROBE_TIMEOUT_SECONDS);
            return false;
        }
    }

    private static boolean dockerEndpointMayExist() {
        String home = System.getProperty("user.home");
        String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || runtimeDirectory != null && Files.exists(Path.of(runtimeDirectory, "docker.sock"));
    }

    private record SharedInfrastructure(Infrastructure delegate) implements Infrastructure {

        @Override
        public String kafkaBootstrapServers() {
            return delegate.kafkaBootstrapServers();
        }

        @Override
        public String jdbcUrl(String database) {
            return delegate.jdbcUrl(database);
        }

        @Override
        public String jdbcUsername() {
            return delegate.jdbcUsername();
        }

        @Override
        public String jdbcPassword() {
            return delegate.jdbcPassword();
        }

        @Override
        public String redisUrl() {
            return delegate.redisUrl();
        }

        @Override
        public String redisHost() {
            return delegate.redisHost();
        }

        @Override
        public int redisPort() {
            return delegate.redisPort();
        }

        @Override
        public void close() {
        }
    }
}
