package com.groupbuy.query.flashsales;

import com.groupbuy.platform.web.ApiException;
import com.groupbuy.query.freshness.ReadModel;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A flash sale's live state for storefronts (Redis), and its analytics for analysts (PostgreSQL). */
@RestController
class FlashSaleQueryController {

    private final FlashSaleCache cache;
    private final FlashSaleAnalytics analytics;

    FlashSaleQueryController(FlashSaleCache cache, FlashSaleAnalytics analytics) {
        this.cache = cache;
        this.analytics = analytics;
    }

    @GetMapping("/api/v1/flash-sales/{flashSaleId}")
    @ReadModel("flash-sale-cache")
    @PreAuthorize("isAuthenticated()")
    FlashSaleView flashSale(@PathVariable @Size(max = 64) String flashSaleId) {
        return cache.find(flashSaleId).orElseThrow(() -> ApiException.notFound("No flash sale " + flashSaleId));
    }

    @GetMapping("/api/v1/analytics/flash-sales/{flashSaleId}")
    @ReadModel("flash-sale-stats")
    @PreAuthorize("hasRole('ANALYST')")
    FlashSaleStats stats(@PathVariable @Size(max = 64) String flashSaleId) {
        return analytics.of(flashSaleId).orElseThrow(() -> ApiException.notFound("No flash sale " + flashSaleId));
    }
}
