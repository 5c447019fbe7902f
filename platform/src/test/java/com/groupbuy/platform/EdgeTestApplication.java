package com.groupbuy.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A tiny application with the platform edge and two endpoints, one per kind of caller. Nothing is scanned: like
 * the real applications, it gets the platform's beans only through {@link PlatformConfiguration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformConfiguration.class, EdgeTestApplication.Endpoints.class})
class EdgeTestApplication {

    record Order(@NotBlank String sku, @Positive int quantity) {
    }

    @RestController
    static class Endpoints {

        @PostMapping("/api/v1/admin-only")
        @PreAuthorize("hasRole('ADMIN')")
        Map<String, Object> adminOnly(@Valid @RequestBody Order order) {
            return Map.of("sku", order.sku());
        }

        @GetMapping("/api/v1/whoami")
        Map<String, Object> whoami(Authentication authentication) {
            return Map.of("userId", com.groupbuy.platform.security.CurrentUser.of(authentication).userId());
        }
    }
}
