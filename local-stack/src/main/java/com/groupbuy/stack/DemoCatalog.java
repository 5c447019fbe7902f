package com.groupbuy.stack;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The drinks a fresh local run starts with, their options, and the toppings those draw on. */
final class DemoCatalog {

    record DemoProduct(String sku, String name, String category, long priceCents, int initialStock) {
    }

    static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct("BOBA-CLASSIC", "Classic brown sugar boba milk tea", "milk-tea", 590, 200),
            new DemoProduct("OOLONG-ICED", "Iced oolong tea", "tea", 420, 150),
            new DemoProduct("MATCHA-LATTE", "Matcha latte", "latte", 650, 120),
            new DemoProduct("MANGO-SLUSH", "Mango slush", "smoothie", 550, 80),
            new DemoProduct("LEMON-GREEN", "Lemon green tea", "tea", 390, 180),
            new DemoProduct("TARO-MILK", "Taro milk tea", "milk-tea", 610, 20),
            new DemoProduct("PEARLS", "Tapioca pearls", "toppings", 50, 60),
            new DemoProduct("PUDDING", "Egg pudding", "toppings", 70, 12),
            new DemoProduct("GRASS-JELLY", "Grass jelly", "toppings", 40, 40));

    private static final Map<String, Object> SIZE = group("size", "Size", 0, 1,
            option("m", "Medium (standard)", 0, null), option("l", "Large", 60, null));
    private static final Map<String, Object> SUGAR = group("sugar", "Sugar", 0, 1,
            option("0", "No sugar", 0, null), option("30", "Light (30 %)", 0, null),
            option("50", "Half (50 %)", 0, null), option("100", "Regular (standard)", 0, null));
    private static final Map<String, Object> ICE = group("ice", "Ice", 0, 1,
            option("none", "No ice", 0, null), option("less", "Less ice", 0, null),
            option("regular", "Regular ice (standard)", 0, null));
    private static final Map<String, Object> TOPPINGS = group("toppings", "Toppings", 0, 3,
            option("pearls", "Tapioca pearls", 50, "PEARLS"), option("pudding", "Egg pudding", 70, "PUDDING"),
            option("grass-jelly", "Grass jelly", 40, "GRASS-JELLY"));

    /**
     * The options of the demo drinks: every group is optional, leaving one out means the standard make (medium,
     * regular sugar and ice, no toppings); toppings use their own stock.
     */
    static final Map<String, List<Map<String, Object>>> OPTIONS = Map.of(
            "BOBA-CLASSIC", List.of(SIZE, SUGAR, ICE, TOPPINGS),
            "TARO-MILK", List.of(SIZE, SUGAR, ICE, TOPPINGS),
            "OOLONG-ICED", List.of(SIZE, SUGAR, ICE),
            "LEMON-GREEN", List.of(SIZE, SUGAR, ICE, TOPPINGS),
            "MATCHA-LATTE", List.of(SIZE, SUGAR));

    private DemoCatalog() {
    }

    /** Registers the demo products; ones that exist already (409) are left as they are. */
    static void seed(StackClient client, String apiUrl, String adminToken) throws IOException, InterruptedException {
        for (DemoProduct product : PRODUCTS) {
            StackClient.Response response = client.post(apiUrl + "/api/v1/products", adminToken, Map.of(
                    "sku", product.sku(), "name", product.name(), "category", product.category(),
                    "priceCents", product.priceCents(), "initialStock", product.initialStock()));
            if (response.status() != 201 && response.status() != 409) {
                throw new IllegalStateException("seeding " + product.sku() + " failed: " + response);
            }
        }
        for (Map.Entry<String, List<Map<String, Object>>> drink : OPTIONS.entrySet()) {
            StackClient.Response response = client.post(apiUrl + "/api/v1/products/" + drink.getKey() + "/options",
                    adminToken, Map.of("optionGroups", drink.getValue()));
            if (response.status() != 200) {
                throw new IllegalStateException("seeding the options of " + drink.getKey() + " failed: " + response);
            }
        }
    }

    @SafeVarargs
    private static Map<String, Object> group(String code, String name, int minChoices, int maxChoices,
                                             Map<String, Object>... options) {
        return Map.of("code", code, "name", name, "minChoices", minChoices, "maxChoices", maxChoices,
                "options", List.of(options));
    }

    private static Map<String, Object> option(String code, String name, long priceDeltaCents, String stockSku) {
        return stockSku == null ? Map.of("code", code, "name", name, "priceDeltaCents", priceDeltaCents)
                : Map.of("code", code, "name", name, "priceDeltaCents", priceDeltaCents, "stockSku", stockSku);
    }
}
