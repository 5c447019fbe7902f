package com.groupbuy.query.sales;

import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Paid sales per bucket and SKU, for analysts. */
@RestController
@PreAuthorize("hasRole('ANALYST')")
class SalesAnalyticsController {

    private final SalesAnalytics sales;

    SalesAnalyticsController(SalesAnalytics sales) {
        this.sales = sales;
    }

    @GetMapping("/api/v1/analytics/sales")
    SalesReport sales(@RequestParam(required = false) @Size(max = 40) String from,
                      @RequestParam(required = false) @Size(max = 40) String to,
                      @RequestParam(required = false) @Size(max = 8) String bucket,
                      @RequestParam(required = false) @Size(max = 64) String sku) {
        SalesQuery query = SalesQuery.of(from, to, bucket, sku);
        return SalesReport.of(query, sales.report(query));
    }
}
