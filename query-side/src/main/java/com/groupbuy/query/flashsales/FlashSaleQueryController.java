package com.groupbuy.query.flashsales;

import com.groupbuy.platform.web.ApiException;
import com.groupbuy.query.freshness.ReadModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A flash sale's live state for storefronts (Redis), and its analytics for analysts (PostgreSQL). */
@RestController
class FlashSaleQueryController {

    /** How far ahead a sale not started yet is listed. */
    private static final Duration UPCOMING = Duration.ofHours(24);

    private final FlashSaleCache cache;
    private final FlashSaleAnalytics analytics;
    private final FlashSaleListing listing;
    private final Clock clock = Clock.systemUTC();

    FlashSaleQueryController(FlashSaleCache cache, FlashSaleAnalytics analytics, FlashSaleListing listing) {
        this.cache = cache;
        this.analytics = analytics;
        this.listing = listing;
    }

    record SaleList(List<FlashSaleListing.OfferedSale> items) {
    }

    /** The sales running now, then those starting within a day: for customers finding what is on offer. */
    @GetMapping("/api/v1/flash-sales")
    @ReadModel("flash-sale-stats")
    @PreAuthorize("isAuthenticated()")
    SaleList onOffer(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return new SaleList(listing.onOffer(clock.instant(), UPCOMING, limit));
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
