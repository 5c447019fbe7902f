package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/**
 * The drink's options are {@code optionGroups} from now on (empty: none). Orders confirmed before keep the options
 * and prices they were made with.
 */
@SchemaVersion(1)
public record ProductOptionsChanged(String sku, List<OptionGroup> optionGroups) implements ProductEvent {

    public ProductOptionsChanged {
        optionGroups = optionGroups == null ? List.of() : List.copyOf(optionGroups);
    }
}
