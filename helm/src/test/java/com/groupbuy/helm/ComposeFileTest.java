package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml is for a developer's machine: nothing it publishes is reachable from other machines, and it
 * holds no secret anyone could read here. There is no Docker engine where the tests run, so the file is parsed
 * (anchors and merge keys resolved) and checked as written.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");
    private static final Path TOKEN_SCRIPT = Path.of("..", "docker", "token.sh");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|KEY).*");
    /** A variable with a fallback value: {@code ${NAME:-value}} or {@code ${NAME-value}}. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):?-[^}]+}");
    /** A variable compose refuses to start without: {@code ${NAME:?message}} or {@code ${NAME?message}}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{\\w+:?\\?[^}]*}");

    @Test
    void every_published_port_is_bound_to_the_loopback_interface() throws IOException {
        List<String> published = new ArrayList<>();
        services().forEach((name, service) -> {
            for (Object port : list(service.get("ports"))) {
                published.add(name + " " + port);
                assertThat(hostIp(port)).as("%s publishes %s", name, port).isEqualTo("127.0.0.1");
            }
        });
        assertThat(published).as("the infrastructure and the projections are among them")
                .anyMatch(p -> p.startsWith("postgres ")).anyMatch(p -> p.startsWith("redis "))
                .anyMatch(p -> p.startsWith("kafka ")).anyMatch(p -> p.startsWith("projections "));
    }

    @Test
    void no_secret_has_a_default_value() throws IOException {
        List<String> secrets = new ArrayList<>();
        services().forEach((name, service) -> environment(service).forEach((variable, value) -> {
            if (!SECRET_NAME.matcher(variable).matches()) {
                return;
            }
            secrets.add(name + " " + variable);
            assertThat(value).as("%s's %s comes from the environment, without a default", name, variable)
                    .matches(REQUIRED.pattern());
        }));
        assertThat(secrets).as("the signing secret and the database password are among them")
                .contains("api GROUPBUY_SECURITY_JWT_SECRET", "projections GROUPBUY_SECURITY_JWT_SECRET",
                        "postgres POSTGRES_PASSWORD", "api SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    void no_variable_of_a_secret_has_a_default_anywhere() throws IOException {
        for (Path file : List.of(COMPOSE, TOKEN_SCRIPT)) {
            Matcher defaulted = DEFAULTED.matcher(Files.readString(file));
            while (defaulted.find()) {
                assertThat(defaulted.group(1)).as("%s: %s", file.getFileName(), defaulted.group())
                        .doesNotMatch(SECRET_NAME.pattern());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The service's environment, as a map or as a list of NAME=value. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> variables = new java.util.TreeMap<>();
        if (environment instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((name, value) -> variables.put(name, String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** The address a published port binds on the host; empty when it binds every interface. */
    private static String hostIp(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            return String.valueOf(longSyntax.get("host_ip") == null ? "" : longSyntax.get("host_ip"));
        }
        String shortSyntax = String.valueOf(port);
        int lastColon = shortSyntax.lastIndexOf(':');
        int hostPortColon = lastColon < 0 ? -1 : shortSyntax.lastIndexOf(':', lastColon - 1);
        return hostPortColon < 0 ? "" : shortSyntax.substring(0, hostPortColon);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
