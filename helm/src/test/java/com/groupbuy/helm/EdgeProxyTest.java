package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker/nginx/nginx.conf in a real nginx (Debian's package, through bin/debian-tool), with the certificate
 * docker/nginx/make-certificate.sh makes. Without Docker the names api and query-side cannot resolve, so the copy under
 * test differs from the file in what compose provides: the two api replicas the name would resolve to and the query
 * side become loopback addresses, the ports become free ones, and the paths point into a temporary directory.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EdgeProxyTest {

    private static final Path CONF = Path.of("..", "docker", "nginx", "nginx.conf");
    private static final Path CERTIFICATE_SCRIPT = Path.of("..", "docker", "nginx", "make-certificate.sh")
            .toAbsolutePath().normalize();
    private static final Path DEBIAN_TOOL = Path.of("..", "bin", "debian-tool").toAbsolutePath().normalize();

    @TempDir
    static Path work;

    private static final List<HttpServer> backends = new ArrayList<>();
    private static final Map<String, AtomicInteger> served = new java.util.concurrent.ConcurrentHashMap<>();
    private static Process nginx;
    private static int https;
    private static int http;
    private static HttpClient client;

    @BeforeAll
    static void start_nginx_in_front_of_two_apis_and_a_query_side() throws Exception {
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tls = Files.createDirectories(work.resolve("tls"));
        Path tools = Files.createDirectories(work.resolve("bin"));
        Path openssl = tools.resolve("openssl");
        Files.writeString(openssl, "#!/bin/sh\nexec '" + DEBIAN_TOOL + "' openssl openssl \"$@\"\n");
        Files.setPosixFilePermissions(openssl, PosixFilePermissions.fromString("rwxr-xr-x"));
        run(List.of("sh", CERTIFICATE_SCRIPT.toString(), tls.toString()), Map.of("OPENSSL", openssl.toString()));

        String apiA = backend("127.0.0.2", "api-a");
        String apiB = backend("127.0.0.3", "api-b");
        String querySide = backend("127.0.0.4", "query-side");
        https = freePort();
        http = freePort();
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, Files.readString(CONF)
                .replace("server api:8081 max_fails=3 fail_timeout=10s;",
                        "server " + apiA + " max_fails=3 fail_timeout=10s;\n        server " + apiB
                                + " max_fails=3 fail_timeout=10s;")
                .replace("server query-side:8082 ", "server " + querySide + " ")
                .replace("listen 8443 ssl;", "listen 127.0.0.1:" + https + " ssl;")
                .replace("listen 8080;", "listen 127.0.0.1:" + http + ";")
                .replace("/etc/nginx/tls/", tls + "/")
                .replace("/var/cache/nginx/", work + "/cache-")
                .replace("/var/run/nginx/nginx.pid", work + "/nginx.pid")
                .replace("access_log /dev/stdout groupbuy;", "access_log " + work.resolve("access.log") + " groupbuy;"));

        String test = run(List.of(DEBIAN_TOOL.toString(), "nginx", "nginx", "-t", "-p", work.toString(), "-c",
                conf.toString()), Map.of());
        assertThat(test).contains("syntax is ok", "test is successful");

        nginx = new ProcessBuilder(DEBIAN_TOOL.toString(), "nginx", "nginx", "-p", work.toString(), "-c", conf.toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        awaitListening(https);
        client = HttpClient.newBuilder().sslContext(trusting(tls.resolve("tls.crt")))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.destroy();
        }
        backends.forEach(server -> server.stop(0));
    }

    @Test
    void commands_go_round_robin_over_the_api_replicas_and_reads_to_the_query_side() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answeredBy.add(send("POST", "/api/v1/orders", "{}", Map.of()).body().split(" ")[0]);
        }
        String read = send("GET", "/api/v1/products", null, Map.of()).body();

        assertThat(answeredBy.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .containsEntry("api-a", 2L).containsEntry("api-b", 2L);
        assertThat(read).startsWith("query-side GET");
    }

    @Test
    void the_request_id_of_the_caller_travels_to_the_process_back_to_the_caller_and_into_the_access_log()
            throws Exception {
        HttpResponse<String> given = send("GET", "/api/v1/products/TEA-1", null, Map.of("X-Request-Id", "req-edge-42"));
        HttpResponse<String> made = send("GET", "/api/v1/products/TEA-2", null, Map.of());

        assertThat(given.body()).contains("request-id=req-edge-42", "proto=https");
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("req-edge-42");
        String generated = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f]{32}");
        assertThat(made.body()).contains("request-id=" + generated);
        assertThat(made.headers().firstValue("Strict-Transport-Security")).isPresent();
        String log = awaitLogged(generated);
        assertThat(log).contains("\"uri\":\"/api/v1/products/TEA-2\"", "\"status\":200", "\"upstream\":\"127.0.0.4:");
    }

    @Test
    void a_body_over_64_kib_is_refused_at_the_edge() throws Exception {
        int before = served.values().stream().mapToInt(AtomicInteger::get).sum();

        HttpResponse<String> refused = send("POST", "/api/v1/orders", "x".repeat(70_000), Map.of());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(served.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(before);
    }

    @Test
    void actuator_and_anything_outside_the_api_is_not_served() throws Exception {
        assertThat(send("GET", "/actuator/prometheus", null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/", null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void plain_http_is_sent_to_https() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + http + "/api/v1/products")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(308);
        assertThat(answer.headers().firstValue("Location")).hasValue("https://localhost:8443/api/v1/products");
    }

    private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + https + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A process stand-in that answers with its name and what the edge told it. */
    private static String backend(String address, String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        served.put(name, new AtomicInteger());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            served.get(name).incrementAndGet();
            byte[] answer = (name + " " + exchange.getRequestMethod()
                    + " request-id=" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                    + " proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        backends.add(server);
        return address + ":" + server.getAddress().getPort();
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("edge", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                assertThat(nginx.isAlive()).as(Files.readString(work.resolve("nginx.out"))).isTrue();
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }

    /** nginx writes a request's log line once it has answered; the client may read the answer a moment before. */
    private static String awaitLogged(String requestId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(work.resolve("access.log"))) {
                if (line.contains("\"request_id\":\"" + requestId + "\"")) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no access log line for " + requestId);
    }
}
