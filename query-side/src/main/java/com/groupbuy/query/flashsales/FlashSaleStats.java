package com.groupbuy.query.flashsales;

import java.time.Instant;

/**
 * A flash sale's analytics. {@code admitted}: orders that reserved units on the sale; {@code placed}: orders the
 * gate let through to the workers (admitted ones and those the sale refused, which end {@code rejected});
 * {@code unitsSold}: units of paid orders (less refunded ones); {@code sellThrough} = unitsSold / quantity.
 * Terms are null while the sale's scheduling has not reached the read model.
 */
record FlashSaleStats(String flashSaleId, String sku, Long priceCents, Integer quantity, Integer perUserLimit,
                      Instant startsAt, Instant endsAt, Instant endedAt, Integer remaining, int placed, int admitted,
                      int unitsReserved, int unitsReturned, int confirmed, int paid, int cancelled, int expired,
                      int rejected, int refunded, int unitsSold, long revenueCents, int returnedToProduct,
                      Double sellThrough, Instant updatedAt) {
}
