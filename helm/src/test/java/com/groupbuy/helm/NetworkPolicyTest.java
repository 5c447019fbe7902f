package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who reaches which port of a pod: clients the http port of api and query-side only, Prometheus the management
 * port (actuator) of every process, nobody else anything. The projections' operator endpoints are on their http
 * port, which no rule opens: operators reach them through kubectl port-forward.
 */
class NetworkPolicyTest {

    private static final Set<String> SERVE_CLIENTS = Set.of("api", "query-side");
    private static final List<String> PROCESSES = List.of("api", "worker", "projections", "query-side");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void only_api_and_query_side_open_their_http_port(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        for (String process : PROCESSES) {
            assertThat(rulesByPort(chart, process).containsKey("http")).as("%s's http port is open", process)
                    .isEqualTo(SERVE_CLIENTS.contains(process));
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void the_management_port_is_open_to_prometheus_only(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        for (String process : PROCESSES) {
            List<NetworkPolicyPeer> from = rulesByPort(chart, process).get("management");
            assertThat(from).as("who reaches %s's management port", process).isNotEmpty()
                    .allSatisfy(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                            .containsEntry("kubernetes.io/metadata.name", "monitoring"));
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void no_rule_opens_a_port_it_does_not_name(ValueSet values) {
        for (NetworkPolicy policy : GroupbuyChart.render(values).all(NetworkPolicy.class)) {
            assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts()).isNotEmpty());
        }
    }

    /** The peers allowed in on each named port of a process's pods. */
    private static Map<String, List<NetworkPolicyPeer>> rulesByPort(RenderedChart chart, String process) {
        NetworkPolicy policy = chart.get(NetworkPolicy.class, GroupbuyChart.RELEASE + "-" + process);
        return policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream().map(port -> Map.entry(portName(port), rule)))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> peers(entry.getValue()),
                        (a, b) -> { throw new AssertionError("two rules open the same port"); }));
    }

    private static String portName(NetworkPolicyPort port) {
        IntOrString value = port.getPort();
        return value.getStrVal() != null ? value.getStrVal() : String.valueOf(value.getIntVal());
    }

    private static List<NetworkPolicyPeer> peers(NetworkPolicyIngressRule rule) {
        return rule.getFrom() == null ? List.of() : rule.getFrom();
    }
}
