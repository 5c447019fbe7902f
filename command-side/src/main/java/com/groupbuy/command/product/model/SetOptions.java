package com.groupbuy.command.product.model;

import com.groupbuy.events.product.OptionGroup;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The drink's options from now on, replacing those it had (none: no options). */
public record SetOptions(@TargetAggregateIdentifier String sku, List<OptionGroup> optionGroups) {
}
