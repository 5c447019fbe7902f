package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.product.OptionGroup.Option;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a drink offers, and the rules a customer's choices must keep: every group chosen from exists, every
 * option named is one of its group, each group gets between its minimum and maximum of distinct options, required
 * groups are never left out. Prices a line's choices: what each option adds, and the units of other products
 * (toppings) one drink uses.
 */
public record OptionMenu(List<OptionGroup> groups) {

    static final int MAX_GROUPS = 10;
    static final int MAX_OPTIONS_PER_GROUP = 20;

    public static final OptionMenu NONE = new OptionMenu(List.of());

    public OptionMenu {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A menu as an admin defines it, refused with VALIDATION_FAILED when it could never be chosen from. */
    static OptionMenu defined(List<OptionGroup> groups, String sku) {
        if (groups.size() > MAX_GROUPS) {
            throw invalid("at most " + MAX_GROUPS + " option groups");
        }
        Set<String> groupCodes = new HashSet<>();
        for (OptionGroup group : groups) {
            if (!groupCodes.add(group.code())) {
                throw invalid("option group " + group.code() + " is defined twice");
            }
            if (group.options().isEmpty() || group.options().size() > MAX_OPTIONS_PER_GROUP) {
                throw invalid(group.code() + ": 1 to " + MAX_OPTIONS_PER_GROUP + " options");
            }
            if (group.minChoices() < 0 || group.maxChoices() < 1 || group.minChoices() > group.maxChoices()
                    || group.maxChoices() > group.options().size()) {
                throw invalid(group.code() + ": choices must satisfy 0 <= min <= max <= number of options, max >= 1");
            }
            Set<String> optionCodes = new HashSet<>();
            for (Option option : group.options()) {
                if (!optionCodes.add(option.code())) {
                    throw invalid(group.code() + ": option " + option.code() + " is defined twice");
                }
                if (option.priceDeltaCents() < 0) {
                    throw invalid(group.code() + "." + option.code() + ": an option cannot lower the price");
                }
                if (sku.equals(option.stockSku())) {
                    throw invalid(group.code() + "." + option.code() + ": an option cannot use the drink itself");
                }
            }
        }
        return new OptionMenu(groups);
    }

    /** What a line's choices come to per drink, or VALIDATION_FAILED saying which group is wrong. */
    public Choices price(Map<String, List<String>> chosen) {
        for (String groupCode : chosen.keySet()) {
            if (group(groupCode) == null) {
                throw invalid("no option group " + groupCode + (groups.isEmpty() ? " (this drink has no options)"
                        : " (groups: " + String.join(", ", groups.stream().map(OptionGroup::code).toList()) + ")"));
            }
        }
        List<ChosenOption> options = new ArrayList<>();
        long deltaCents = 0;
        Map<String, Integer> unitsUsed = new LinkedHashMap<>();
        for (OptionGroup group : groups) {
            List<String> codes = chosen.getOrDefault(group.code(), List.of());
            if (new HashSet<>(codes).size() != codes.size()) {
                throw invalid(group.code() + ": an option is chosen twice");
            }
            if (codes.size() < group.minChoices() || codes.size() > group.maxChoices()) {
                throw invalid(group.code() + ": choose " + range(group) + " of "
                        + String.join(", ", group.options().stream().map(Option::code).toList()));
            }
            for (String code : codes) {
                Option option = group.options().stream().filter(o -> o.code().equals(code)).findFirst()
                        .orElseThrow(() -> invalid(group.code() + ": no option " + code));
                options.add(new ChosenOption(group.code(), option.code(), option.name(), option.priceDeltaCents(),
                        option.stockSku()));
                deltaCents += option.priceDeltaCents();
                if (option.stockSku() != null) {
                    unitsUsed.merge(option.stockSku(), 1, Integer::sum);
                }
            }
        }
        return new Choices(List.copyOf(options), deltaCents, Map.copyOf(unitsUsed));
    }

    /**
     * What a group-buy member's choices come to under a deal that lets its members choose in {@code allowedGroups}
     * only: the drink's other groups are its standard make (also the required ones), and a choice in one of them is
     * VALIDATION_FAILED. Within the allowed groups the drink's rules hold, as on an order.
     */
    public Choices priceAllowing(List<String> allowedGroups, Map<String, List<String>> chosen) {
        for (String groupCode : chosen.keySet()) {
            if (!allowedGroups.contains(groupCode)) {
                throw invalid("option group " + groupCode + " is not offered under this deal"
                        + (allowedGroups.isEmpty() ? " (it sells the standard make)"
                        : " (it offers: " + String.join(", ", allowedGroups) + ")"));
            }
        }
        return new OptionMenu(groups.stream().filter(group -> allowedGroups.contains(group.code())).toList())
                .price(chosen);
    }

    /** Refuses with VALIDATION_FAILED group codes ({@code field}) that name one twice or one not on this menu. */
    public void requireGroups(List<String> groupCodes, String field) {
        if (new HashSet<>(groupCodes).size() != groupCodes.size()) {
            throw invalid(field + ": a group is named twice");
        }
        for (String code : groupCodes) {
            if (group(code) == null) {
                throw invalid(field + ": the product has no option group " + code + (groups.isEmpty()
                        ? " (it has no options)"
                        : " (groups: " + String.join(", ", groups.stream().map(OptionGroup::code).toList()) + ")"));
            }
        }
    }

    private OptionGroup group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst().orElse(null);
    }

    private static String range(OptionGroup group) {
        return group.minChoices() == group.maxChoices() ? Integer.toString(group.minChoices())
                : group.minChoices() + " to " + group.maxChoices();
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }

    /**
     * A line's choices priced: the options as chosen, what they add to one drink's price, and the units of other
     * products one drink uses ({@code stockSku -> units}).
     */
    public record Choices(List<ChosenOption> options, long deltaCents, Map<String, Integer> unitsPerDrink) {
    }
}
