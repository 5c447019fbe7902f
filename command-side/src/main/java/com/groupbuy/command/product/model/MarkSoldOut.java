package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The shop cannot make the product before {@code until} (the end of its day); it sells again by itself then. */
public record MarkSoldOut(@TargetAggregateIdentifier String sku, Instant until) {
}
