package com.groupbuy.platform.apidocs;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.security.SecurityConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;
import java.util.stream.Stream;

import static com.groupbuy.platform.apidocs.DocumentedCall.json;

/**
 * The OpenAPI document of a process clients call ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}),
 * readable without a token: springdoc derives paths and schemas from the controllers, the roles come from their
 * {@code @PreAuthorize}, and the process's {@link DocumentedCalls} bean adds statuses, problem codes and examples.
 * Only processes that bring springdoc (api, query side) get it; every other path keeps the doors of
 * {@code SecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiDocumentation {

    static final String[] PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};

    /** The local run's dev tokens (platform's own call, present only where the endpoint is). */
    static final DocumentedCall DEV_TOKENS = DocumentedCall.post(DocumentedCall.V1 + "/dev/tokens", 200,
                    "A token for any user and roles (the local run only, callers on the same machine only)")
            .withoutToken()
            .refusing(403, ErrorCode.FORBIDDEN)
            .sending(json("userId", "u1", "roles", List.of("customer")))
            .answering(json("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl"));

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiDocumentationSecurity(HttpSecurity http) throws Exception {
        return SecurityConfiguration.openDoors(http, PATHS).build();
    }

    @Bean
    OperationCustomizer rolesFromPreAuthorize() {
        return new RolesFromPreAuthorize();
    }

    @Bean
    OpenApiCustomizer contractDocument(ObjectProvider<DocumentedCalls> declared) {
        DocumentedCalls calls = declared.getIfAvailable(() -> new DocumentedCalls("groupbuy", "", List.of()));
        return new ContractDocument(new DocumentedCalls(calls.title(), calls.description(),
                Stream.concat(calls.calls().stream(), Stream.of(DEV_TOKENS)).toList()));
    }
}
