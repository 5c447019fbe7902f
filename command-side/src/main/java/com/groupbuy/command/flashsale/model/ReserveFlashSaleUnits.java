package com.groupbuy.command.flashsale.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Hold units of the sale for an order the gate admitted at {@code admittedAt}. Answers the
 * {@link FlashSaleReservation}; asking again for the same order answers it again.
 */
public record ReserveFlashSaleUnits(@TargetAggregateIdentifier String flashSaleId, String orderId, String userId,
                                    int quantity, Instant admittedAt) {
}
