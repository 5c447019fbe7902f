package com.groupbuy.helm;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * fabric8's model classes accept any field and keep the ones they do not know in {@code additionalProperties}.
 * This walks a parsed object through its getters and reports every such field with its path, so that a misspelt
 * or misplaced key in a template (which the API server would reject or silently drop) fails a test.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    static List<String> in(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        switch (value) {
            case null -> {
            }
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) {
                    walk(item, path + "[" + i++ + "]", found);
                }
            }
            case Map<?, ?> entries -> entries.forEach((key, item) -> walk(item, path + "[" + key + "]", found));
            default -> {
                if (value.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
                    walkModel(value, path, found);
                }
            }
        }
    }

    private static void walkModel(Object model, String path, List<String> found) {
        for (Method getter : model.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, model);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    unknown.keySet().forEach(key -> found.add(path + "." + key));
                }
            } else {
                walk(child, path + "." + propertyName(getter), found);
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass().getPackageName().startsWith(MODEL_PACKAGE)
                && (method.getName().startsWith("get") || method.getName().startsWith("is"))
                && method.getReturnType() != void.class;
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().replaceFirst("^(get|is)", "");
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
