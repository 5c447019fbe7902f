package com.groupbuy.helm;

import com.fasterxml.jackson.databind.JsonNode;

/** One rendered document: its identity, its YAML tree and, for built-in kinds, its Kubernetes model object. */
record Manifest(String apiVersion, String kind, String name, JsonNode tree, Object model) {

    String id() {
        return apiVersion + " " + kind + " " + name;
    }
}
