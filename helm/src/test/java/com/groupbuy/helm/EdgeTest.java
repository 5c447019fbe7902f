package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The clients' way in: reads to the query side, commands to the api, TLS at the edge (docs/operations.md#edge). */
class EdgeTest {

    private static final String API = GroupbuyChart.RELEASE + "-api";
    private static final String QUERY_SIDE = GroupbuyChart.RELEASE + "-query-side";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(h|ms|m|s)");

    @Test
    void reads_go_to_the_query_side_and_every_other_method_to_the_api() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.EDGE);
        HTTPRoute route = chart.get(HTTPRoute.class, GroupbuyChart.RELEASE);

        assertThat(route.getSpec().getHostnames()).containsExactly("shop.example.com");
        List<HTTPRouteRule> rules = route.getSpec().getRules();
        for (String read : List.of("GET", "HEAD")) {
            assertThat(backendOf(ruleFor(rules, read))).as(read).isEqualTo(QUERY_SIDE);
        }
        HTTPRouteRule commands = ruleFor(rules, null);
        assertThat(backendOf(commands)).isEqualTo(API);
        assertThat(commands.getMatches()).singleElement().satisfies(match -> {
            assertThat(match.getPath().getType()).isEqualTo("PathPrefix");
            assertThat(match.getPath().getValue()).isEqualTo("/api/");
        });
        for (HTTPRouteRule rule : rules) {
            HTTPBackendRef backend = rule.getBackendRefs().getFirst();
            assertThat(backend.getPort()).as("%s's client port", backend.getName())
                    .isEqualTo(httpPort(chart.get(Service.class, backend.getName())));
        }
    }

    @Test
    void each_try_of_a_backend_ends_within_the_whole_requests_timeout() {
        HTTPRoute route = GroupbuyChart.render(ValueSet.EDGE).get(HTTPRoute.class, GroupbuyChart.RELEASE);

        assertThat(route.getSpec().getRules()).allSatisfy(rule -> {
            Duration request = gatewayDuration(rule.getTimeouts().getRequest());
            Duration backend = gatewayDuration(rule.getTimeouts().getBackendRequest());
            assertThat(request).isEqualTo(Duration.ofSeconds(20));
            assertThat(backend).isPositive().isLessThanOrEqualTo(request);
        });
    }

    @Test
    void tls_ends_at_the_gateways_https_listener_and_plain_http_is_redirected() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.EDGE);
        Gateway gateway = chart.get(Gateway.class, GroupbuyChart.RELEASE);

        assertThat(gateway.getSpec().getGatewayClassName()).isEqualTo("eg");
        Listener https = listener(gateway, "https");
        assertThat(https.getProtocol()).isEqualTo("HTTPS");
        assertThat(https.getPort()).isEqualTo(443);
        assertThat(https.getHostname()).isEqualTo("shop.example.com");
        assertThat(https.getTls().getMode()).isEqualTo("Terminate");
        assertThat(https.getTls().getCertificateRefs()).singleElement().satisfies(secret -> {
            assertThat(secret.getKind()).isEqualTo("Secret");
            assertThat(secret.getName()).isEqualTo("shop-example-com-tls");
        });
        assertThat(parent(chart.get(HTTPRoute.class, GroupbuyChart.RELEASE)).getSectionName()).isEqualTo("https");

        HTTPRoute redirect = chart.get(HTTPRoute.class, GroupbuyChart.RELEASE + "-https-redirect");
        assertThat(listener(gateway, "http").getProtocol()).isEqualTo("HTTP");
        assertThat(parent(redirect).getSectionName()).isEqualTo("http");
        assertThat(redirect.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getBackendRefs()).isNullOrEmpty();
            assertThat(rule.getFilters()).singleElement().satisfies(filter -> {
                assertThat(filter.getType()).isEqualTo("RequestRedirect");
                assertThat(filter.getRequestRedirect().getScheme()).isEqualTo("https");
            });
        });
    }

    @Test
    void the_route_attaches_to_an_existing_gateway_when_the_chart_creates_none() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.PRODUCTION);

        assertThat(chart.all(Gateway.class)).isEmpty();
        assertThat(chart.all(HTTPRoute.class)).singleElement();
        ParentReference parent = parent(chart.get(HTTPRoute.class, GroupbuyChart.RELEASE));
        assertThat(parent.getName()).isEqualTo("shop-gateway");
        assertThat(parent.getNamespace()).isEqualTo("gateway");
        assertThat(parent.getSectionName()).isEqualTo("https");
    }

    @Test
    void the_ingress_terminates_tls_for_both_hosts_and_serves_reads_on_the_second() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.EDGE);
        Ingress ingress = chart.get(Ingress.class, GroupbuyChart.RELEASE);

        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("shop-example-com-tls");
            assertThat(tls.getHosts()).containsExactlyInAnyOrder("shop.example.com", "read.shop.example.com");
        });
        assertThat(ingress.getSpec().getRules()).extracting(IngressRule::getHost, EdgeTest::serviceOf)
                .containsExactly(tuple("shop.example.com", API),
                        tuple("read.shop.example.com", QUERY_SIDE));
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "64k");
    }

    @Test
    void by_default_nothing_is_exposed_outside_the_cluster() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.DEFAULTS);

        assertThat(chart.all(HTTPRoute.class)).isEmpty();
        assertThat(chart.all(Gateway.class)).isEmpty();
        assertThat(chart.all(Ingress.class)).isEmpty();
        assertThat(chart.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
    }

    @Test
    void a_gateway_without_a_class_fails_the_rendering() {
        Path values = Path.of("src", "test", "resources", "invalid-values", "gateway-without-class.yaml");

        assertThatThrownBy(() -> GroupbuyChart.template(values.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("edge.httpRoute.gateway.className is required");
    }

    private static HTTPRouteRule ruleFor(List<HTTPRouteRule> rules, String method) {
        return rules.stream()
                .filter(rule -> rule.getMatches().stream().map(HTTPRouteMatch::getMethod)
                        .anyMatch(m -> Objects.equals(m, method)))
                .reduce((a, b) -> {
                    throw new AssertionError("two rules match " + method);
                })
                .orElseThrow(() -> new AssertionError("no rule for " + method));
    }

    private static String backendOf(HTTPRouteRule rule) {
        assertThat(rule.getBackendRefs()).hasSize(1);
        return rule.getBackendRefs().getFirst().getName();
    }

    private static int httpPort(Service service) {
        return service.getSpec().getPorts().stream().filter(p -> p.getName().equals("http")).findFirst()
                .orElseThrow().getPort();
    }

    private static Listener listener(Gateway gateway, String name) {
        return gateway.getSpec().getListeners().stream().filter(l -> l.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no listener " + name));
    }

    private static ParentReference parent(HTTPRoute route) {
        assertThat(route.getSpec().getParentRefs()).hasSize(1);
        return route.getSpec().getParentRefs().getFirst();
    }

    private static String serviceOf(IngressRule rule) {
        assertThat(rule.getHttp().getPaths()).hasSize(1);
        return rule.getHttp().getPaths().getFirst().getBackend().getService().getName();
    }

    /** A Gateway API duration (GEP-2257): units h, m, s, ms, e.g. 1h30m or 500ms. */
    private static Duration gatewayDuration(String text) {
        Matcher matcher = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            assertThat(matcher.start()).as("duration %s", text).isEqualTo(end);
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
            end = matcher.end();
        }
        assertThat(end).as("duration %s", text).isEqualTo(text.length()).isPositive();
        return total;
    }
}
