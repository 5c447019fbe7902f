package com.groupbuy.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chart in helm/groupbuy, linted and rendered by Helm's own Go library (helm-java), exactly as `helm lint
 * --strict` and `helm template` would, values.schema.json included. Renderings are cached per value set.
 */
final class GroupbuyChart {

    static final Path DIRECTORY = Path.of("groupbuy");
    static final String RELEASE = "groupbuy";
    static final String NAMESPACE = "shop";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion), so nothing newer is assumed. */
    static final String KUBE_VERSION = "1.30.0";

    private static final Map<ValueSet, RenderedChart> RENDERINGS = new ConcurrentHashMap<>();

    private GroupbuyChart() {
    }

    static LintResult lintStrictly() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    static RenderedChart render(ValueSet valueSet) {
        return RENDERINGS.computeIfAbsent(valueSet,
                set -> RenderedChart.parse(template(set.valuesFile().map(Path::toString).orElse(null))));
    }

    /** Renders with one extra values file; Helm's error (schema, `fail`) surfaces as an IllegalStateException. */
    static String template(String valuesFile) {
        TemplateCommand template = new Helm(DIRECTORY).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(Path.of(valuesFile));
        }
        return template.call();
    }
}
