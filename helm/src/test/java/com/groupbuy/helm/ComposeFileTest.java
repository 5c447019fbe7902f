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
    private static final Path NGINX_CONF = Path.of("..", "docker", "nginx", "nginx.conf");
    private static final Path CERTIFICATE_SCRIPT = Path.of("..", "docker", "nginx", "make-certificate.sh");
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

    @Test
    void clients_reach_the_api_and_the_query_side_only_through_nginx_and_nginx_starts_last() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.get("api")).doesNotContainKey("ports");
        assertThat(services.get("query-side")).doesNotContainKey("ports");
        assertThat(strings(services.get("nginx").get("ports"))).containsExactlyInAnyOrder(
                "127.0.0.1:8443:8443", "127.0.0.1:8080:8080");
        assertThat(dependencies(services.get("nginx"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "edge-certificate", "service_completed_successfully",
                "api", "service_healthy",
                "query-side", "service_healthy"));
    }

    @Test
    void nginx_sends_to_the_ports_the_processes_listen_on() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String conf = Files.readString(NGINX_CONF);

        assertThat(block(conf, "upstream api")).contains("server api:" + list(services.get("api").get("expose")).getFirst() + " ");
        assertThat(block(conf, "upstream query_side"))
                .contains("server query-side:" + environment(services.get("query-side")).get("SERVER_PORT") + " ");
        assertThat(block(conf, "map $request_method $groupbuy_backend"))
                .containsPattern("GET\\s+query_side;").containsPattern("HEAD\\s+query_side;")
                .containsPattern("default\\s+api;");
        assertThat(conf).contains("proxy_pass http://$groupbuy_backend;");
    }

    @Test
    void nginx_refuses_what_the_processes_refuse_and_logs_every_request_with_its_id() throws IOException {
        String conf = Files.readString(NGINX_CONF);

        assertThat(conf).as("the processes' body limit is 64 KiB").containsPattern("client_max_body_size 64k;");
        assertThat(conf).containsPattern("proxy_read_timeout \\d+s;").containsPattern("proxy_connect_timeout \\d+s;")
                .containsPattern("client_body_timeout \\d+s;");
        assertThat(conf).as("a command is never sent to a second api after it may have reached the first")
                .contains("proxy_next_upstream error timeout;").doesNotContain("non_idempotent");
        assertThat(conf).contains("\"request_id\":\"$groupbuy_request_id\"")
                .contains("access_log /dev/stdout groupbuy;")
                .contains("proxy_set_header X-Request-Id $groupbuy_request_id;");
    }

    @Test
    void nginx_serves_the_certificate_the_stack_makes_at_start() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String conf = Files.readString(NGINX_CONF);
        String script = Files.readString(CERTIFICATE_SCRIPT);

        assertThat(strings(services.get("edge-certificate").get("volumes"))).contains("edge-tls:/tls");
        assertThat(strings(services.get("nginx").get("volumes"))).contains("edge-tls:/etc/nginx/tls:ro");
        assertThat(conf).contains("listen 8443 ssl;", "ssl_certificate /etc/nginx/tls/tls.crt;",
                "ssl_certificate_key /etc/nginx/tls/tls.key;", "ssl_protocols TLSv1.2 TLSv1.3;");
        assertThat(script).contains("\"$dir/tls.key\"", "\"$dir/tls.crt\"", "subjectAltName=DNS:localhost");
    }

    /** The body of the first {@code name { ... }} block (no nested braces). */
    private static String block(String conf, String name) {
        int start = conf.indexOf(name + " {");
        assertThat(start).as("nginx.conf has %s", name).isNotNegative();
        return conf.substring(start, conf.indexOf('}', start));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dependencies(Map<String, Object> service) {
        Map<String, String> conditions = new java.util.TreeMap<>();
        ((Map<String, Map<String, Object>>) service.get("depends_on"))
                .forEach((name, condition) -> conditions.put(name, String.valueOf(condition.get("condition"))));
        return conditions;
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

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
