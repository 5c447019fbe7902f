package com.groupbuy.query.product;

import com.groupbuy.query.freshness.ReadModel;
import com.groupbuy.platform.web.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Products with live stock, for anyone holding a valid token. */
@ReadModel({"product-cache", "catalog"})
@RestController
@RequestMapping("/api/v1/products")
@PreAuthorize("isAuthenticated()")
class ProductQueryController {

    private final ProductCache cache;
    private final Catalog catalog;

    ProductQueryController(ProductCache cache, Catalog catalog) {
        this.cache = cache;
        this.catalog = catalog;
    }

    record ProductPage(List<ProductView> items, int page, int size) {
    }

    @GetMapping("/{sku}")
    ProductView product(@PathVariable @Size(max = 64) String sku) {
        return cache.find(sku).orElseThrow(() -> ApiException.notFound("No product with SKU " + sku));
    }

    @GetMapping
    ProductPage products(@RequestParam(required = false) @Size(max = 64) String category,
                         @RequestParam(required = false) @Size(min = 1, max = 64) String q,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new ProductPage(cache.findAll(catalog.skus(category, q, page, size)), page, size);
    }
}
