package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.product.OptionGroup.Option;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionMenuTest {

    private static final OptionGroup SIZE = new OptionGroup("size", "Size", 1, 1, List.of(
            new Option("m", "Medium", 0, null), new Option("l", "Large", 60, null)));
    private static final OptionGroup SUGAR = new OptionGroup("sugar", "Sugar", 0, 1, List.of(
            new Option("0", "No sugar", 0, null), new Option("50", "Half", 0, null)));
    private static final OptionGroup TOPPINGS = new OptionGroup("toppings", "Toppings", 0, 2, List.of(
            new Option("pearls", "Pearls", 50, "PEARLS"), new Option("pudding", "Pudding", 70, "PUDDING"),
            new Option("jelly", "Grass jelly", 40, "JELLY")));
    private static final OptionMenu MILK_TEA = OptionMenu.defined(List.of(SIZE, SUGAR, TOPPINGS), "MILK-TEA");

    @Test
    void choices_add_their_deltas_and_name_the_toppings_one_drink_uses() {
        OptionMenu.Choices choices = MILK_TEA.price(Map.of("size", List.of("l"), "toppings",
                List.of("pearls", "pudding")));

        assertThat(choices.deltaCents()).isEqualTo(60 + 50 + 70);
        assertThat(choices.unitsPerDrink()).containsExactlyInAnyOrderEntriesOf(Map.of("PEARLS", 1, "PUDDING", 1));
        assertThat(choices.options()).containsExactly(
                new ChosenOption("size", "l", "Large", 60, null),
                new ChosenOption("toppings", "pearls", "Pearls", 50, "PEARLS"),
                new ChosenOption("toppings", "pudding", "Pudding", 70, "PUDDING"));
    }

    @Test
    void optional_groups_may_be_left_out_and_free_options_cost_nothing() {
        OptionMenu.Choices choices = MILK_TEA.price(Map.of("size", List.of("m"), "sugar", List.of("50")));

        assertThat(choices.deltaCents()).isZero();
        assertThat(choices.unitsPerDrink()).isEmpty();
    }

    @Test
    void choices_that_break_a_groups_rules_are_refused_saying_what_to_choose() {
        assertRefused(Map.of(), "size: choose 1 of m, l");
        assertRefused(Map.of("size", List.of("m", "l")), "size: choose 1 of m, l");
        assertRefused(Map.of("size", List.of("xl")), "size: no option xl");
        assertRefused(Map.of("size", List.of("m"), "toppings", List.of("pearls", "pudding", "jelly")),
                "toppings: choose 0 to 2 of pearls, pudding, jelly");
        assertRefused(Map.of("size", List.of("m"), "toppings", List.of("pearls", "pearls")),
                "toppings: an option is chosen twice");
        assertRefused(Map.of("size", List.of("m"), "ice", List.of("none")),
                "no option group ice (groups: size, sugar, toppings)");
    }

    @Test
    void a_drink_without_options_takes_no_choices() {
        assertThat(OptionMenu.NONE.price(Map.of()).options()).isEmpty();
        assertThatThrownBy(() -> OptionMenu.NONE.price(Map.of("size", List.of("l"))))
                .hasMessage("no option group size (this drink has no options)");
    }

    @Test
    void a_menu_that_could_never_be_chosen_from_is_refused() {
        assertInvalidMenu(List.of(SIZE, SIZE), "option group size is defined twice");
        assertInvalidMenu(List.of(new OptionGroup("size", "Size", 2, 1, SIZE.options())),
                "size: choices must satisfy 0 <= min <= max <= number of options, max >= 1");
        assertInvalidMenu(List.of(new OptionGroup("size", "Size", 1, 3, SIZE.options())),
                "size: choices must satisfy 0 <= min <= max <= number of options, max >= 1");
        assertInvalidMenu(List.of(new OptionGroup("extra", "Extra", 0, 1,
                List.of(new Option("self", "More tea", 100, "MILK-TEA")))), "extra.self: an option cannot use the drink itself");
        assertInvalidMenu(List.of(new OptionGroup("size", "Size", 1, 1, List.of(new Option("s", "Small", -10, null)))),
                "size.s: an option cannot lower the price");
    }

    private static void assertRefused(Map<String, List<String>> chosen, String message) {
        assertThatThrownBy(() -> MILK_TEA.price(chosen)).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage(message);
    }

    private static void assertInvalidMenu(List<OptionGroup> groups, String message) {
        assertThatThrownBy(() -> OptionMenu.defined(groups, "MILK-TEA")).isInstanceOf(BusinessRuleViolation.class)
                .hasMessage(message);
    }

    @Test
    void under_a_deal_only_the_groups_it_allows_are_chosen_from_and_the_others_are_the_standard_make() {
        OptionMenu.Choices choices = MILK_TEA.priceAllowing(List.of("sugar", "toppings"),
                Map.of("sugar", List.of("50"), "toppings", List.of("pearls")));

        assertThat(choices.deltaCents()).isEqualTo(50);
        assertThat(choices.options()).containsExactly(new ChosenOption("sugar", "50", "Half", 0, null),
                new ChosenOption("toppings", "pearls", "Pearls", 50, "PEARLS"));
        assertThat(MILK_TEA.priceAllowing(List.of("sugar"), Map.of()).options())
                .as("size is required on an order, but not allowed by the deal").isEmpty();
        assertThatThrownBy(() -> MILK_TEA.priceAllowing(List.of("sugar"), Map.of("size", List.of("l"))))
                .isInstanceOf(BusinessRuleViolation.class)
                .hasMessage("option group size is not offered under this deal (it offers: sugar)");
        assertThatThrownBy(() -> MILK_TEA.priceAllowing(List.of(), Map.of("sugar", List.of("0"))))
                .hasMessage("option group sugar is not offered under this deal (it sells the standard make)");
        assertThatThrownBy(() -> MILK_TEA.priceAllowing(List.of("size"), Map.of()))
                .as("an allowed group keeps its rules").hasMessage("size: choose 1 of m, l");
    }

    @Test
    void the_groups_a_deal_allows_must_be_groups_of_the_drink_named_once() {
        MILK_TEA.requireGroups(List.of("sugar", "toppings"), "allowedOptions");
        assertThatThrownBy(() -> MILK_TEA.requireGroups(List.of("ice"), "allowedOptions"))
                .hasMessage("allowedOptions: the product has no option group ice (groups: size, sugar, toppings)");
        assertThatThrownBy(() -> MILK_TEA.requireGroups(List.of("sugar", "sugar"), "allowedOptions"))
                .hasMessage("allowedOptions: a group is named twice");
    }
}
