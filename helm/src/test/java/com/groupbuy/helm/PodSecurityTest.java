package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pod meets the "restricted" Pod Security Standard and writes only to its own /tmp. */
class PodSecurityTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_pod_runs_as_non_root_with_the_runtime_default_seccomp_profile(ValueSet values) {
        for (Deployment deployment : GroupbuyChart.render(values).all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as("no API token in a pod that never calls the API").isFalse();
            assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_container_drops_all_capabilities_on_a_read_only_root_filesystem(ValueSet values) {
        for (Deployment deployment : GroupbuyChart.render(values).all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation()).isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).isTrue();
                assertThat(security.getRunAsNonRoot()).isTrue();
                assertThat(security.getPrivileged()).isNotEqualTo(Boolean.TRUE);
                assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).isEmpty();
                assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void tmp_is_a_size_limited_empty_dir(ValueSet values) {
        for (Deployment deployment : GroupbuyChart.render(values).all(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
            assertThat(tmp.getEmptyDir().getSizeLimit()).isNotNull();
            assertThat(pod.getContainers().getFirst().getVolumeMounts())
                    .anySatisfy(mount -> {
                        assertThat(mount.getName()).isEqualTo("tmp");
                        assertThat(mount.getMountPath()).isEqualTo("/tmp");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_container_requests_cpu_and_memory_and_caps_memory(ValueSet values) {
        for (Deployment deployment : GroupbuyChart.render(values).all(Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
        }
    }
}
