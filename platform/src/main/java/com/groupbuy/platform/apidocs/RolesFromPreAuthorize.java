package com.groupbuy.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role an operation needs, read from the {@code @PreAuthorize} its handler (or controller) carries, so the
 * document cannot say another role than the one enforced: the bearer requirement lists it (OpenAPI 3.1 allows role
 * names there) and {@code x-roles} repeats it for generators that drop them.
 */
final class RolesFromPreAuthorize implements OperationCustomizer {

    static final String ROLES = "x-roles";
    private static final Pattern HAS_ROLE = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'(\\w+)'");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        List<String> roles = rolesOf(handler);
        operation.setSecurity(List.of(new SecurityRequirement().addList(ContractDocument.BEARER_JWT, roles)));
        if (!roles.isEmpty()) {
            operation.addExtension(ROLES, roles);
        }
        return operation;
    }

    static List<String> rolesOf(HandlerMethod handler) {
        PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return List.of();
        }
        Matcher matcher = HAS_ROLE.matcher(rule.value());
        return matcher.results()
                .flatMap(found -> QUOTED.matcher(found.group(1)).results())
                .map(role -> role.group(1).toLowerCase(Locale.ROOT))
                .toList();
    }
}
