package com.groupbuy.query.flashsales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.groupbuy.query.web.Rows.instant;
import static com.groupbuy.query.web.Rows.nullableInt;

/** Reads flash_sale_stats, written by the flash-sale-stats projection. */
@Component
class FlashSaleAnalytics {

    private final JdbcClient jdbc;

    FlashSaleAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FlashSaleStats> of(String flashSaleId) {
        return jdbc.sql("SELECT * FROM flash_sale_stats WHERE flash_sale_id = ?")
                .param(flashSaleId)
                .query((rs, row) -> {
                    Integer quantity = nullableInt(rs, "quantity");
                    long price = rs.getLong("price_cents");
                    Long priceCents = rs.wasNull() ? null : price;
                    int unitsSold = rs.getInt("units_sold");
                    return new FlashSaleStats(rs.getString("flash_sale_id"), rs.getString("sku"), priceCents,
                            quantity, nullableInt(rs, "per_user_limit"), instant(rs, "starts_at"),
                            instant(rs, "ends_at"), instant(rs, "ended_at"), nullableInt(rs, "remaining"),
                            rs.getInt("placed"), rs.getInt("admitted"), rs.getInt("units_reserved"),
                            rs.getInt("units_returned"), rs.getInt("confirmed"), rs.getInt("paid"),
                            rs.getInt("cancelled"), rs.getInt("expired"), rs.getInt("rejected"),
                            rs.getInt("refunded"), unitsSold, rs.getLong("revenue_cents"),
                            rs.getInt("returned_to_product"),
                            quantity == null || quantity == 0 ? null : (double) unitsSold / quantity,
                            instant(rs, "updated_at"));
                })
                .optional();
    }
}
