package com.groupbuy.projections.sales;

import com.groupbuy.events.order.PricedLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one paid order adds to the sales of one SKU: units, gross (price × quantity), the share of the order's
 * discount, and the revenue that leaves (gross − discount).
 */
record SkuSale(String sku, String category, long units, long grossCents, long discountCents) {

    long revenueCents() {
        return grossCents - discountCents;
    }

    /** The order's lines merged by SKU (sorted, so concurrent writers lock the hourly rows in one order). */
    static List<SkuSale> of(List<PricedLine> lines, long discountCents) {
        long[] shares = DiscountAllocation.allocate(lines.stream().map(PricedLine::lineTotalCents).toList(),
                discountCents);
        Map<String, SkuSale> bySku = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            PricedLine line = lines.get(i);
            SkuSale sale = new SkuSale(line.sku(), line.category(), line.quantity(), line.lineTotalCents(),
                    shares[i]);
            bySku.merge(line.sku(), sale, SkuSale::plus);
        }
        List<SkuSale> sales = new ArrayList<>(bySku.values());
        sales.sort(Comparator.comparing(SkuSale::sku));
        return sales;
    }

    private SkuSale plus(SkuSale other) {
        return new SkuSale(sku, category != null ? category : other.category, units + other.units,
                grossCents + other.grossCents, discountCents + other.discountCents);
    }
}
