package com.groupbuy.command.groupbuy.model;

import java.util.List;

/** What a member of a deal may choose: options of {@code sku}'s groups named in {@code allowedOptions}. */
public record MemberChoices(String sku, List<String> allowedOptions) {

    public MemberChoices {
        allowedOptions = List.copyOf(allowedOptions);
    }
}
