package com.groupbuy.command.order.process;

import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.order.PricedLine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units of each product an order's lines use: the drinks themselves, and one unit per drink of every product an
 * option draws on (toppings). The stock steps that follow an order (sell, release, return) go over these.
 */
final class StockUse {

    private StockUse() {
    }

    static Map<String, Integer> of(List<PricedLine> lines) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (PricedLine line : lines) {
            units.merge(line.sku(), line.quantity(), Integer::sum);
            for (ChosenOption option : line.options()) {
                if (option.stockSku() != null) {
                    units.merge(option.stockSku(), line.quantity(), Integer::sum);
                }
            }
        }
        return Collections.unmodifiableMap(units);
    }
}
