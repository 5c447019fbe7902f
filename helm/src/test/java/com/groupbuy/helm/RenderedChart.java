package com.groupbuy.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The manifests of one `helm template`, each parsed into the Kubernetes model where the kind has one. */
final class RenderedChart {

    static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final List<Manifest> manifests;

    private RenderedChart(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    static RenderedChart parse(String text) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (documents.hasNext()) {
                JsonNode tree = documents.next();
                if (tree == null || tree.isNull() || tree.isMissingNode() || tree.isEmpty()) {
                    continue;
                }
                manifests.add(toManifest(tree));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the chart rendered invalid YAML", e);
        }
        return new RenderedChart(manifests);
    }

    private static Manifest toManifest(JsonNode tree) throws IOException {
        String apiVersion = tree.path("apiVersion").asText();
        String kind = tree.path("kind").asText();
        String name = tree.path("metadata").path("name").asText();
        Object model = null;
        var modelClass = KubernetesKinds.modelOf(apiVersion, kind);
        if (modelClass.isPresent()) {
            model = YAML.treeToValue(tree, modelClass.get());
        } else if (!KubernetesKinds.isCustom(apiVersion, kind)) {
            throw new IllegalStateException("the chart rendered an unexpected kind: " + apiVersion + " " + kind);
        }
        return new Manifest(apiVersion, kind, name, tree, model);
    }

    List<Manifest> manifests() {
        return manifests;
    }

    <T> List<T> all(Class<T> type) {
        return manifests.stream().filter(m -> type.isInstance(m.model())).map(m -> type.cast(m.model())).toList();
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Manifest get(String kind, String name) {
        return manifests.stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + " " + name + " rendered"));
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type.getSimpleName() + " " + name + " rendered"));
    }
}
