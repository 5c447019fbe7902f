package com.groupbuy.stack;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The drinks a fresh local run starts with. */
final class DemoCatalog {

    record DemoProduct(String sku, String name, String category, long priceCents, int initialStock) {
    }

    static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct("BOBA-CLASSIC", "Classic brown sugar boba milk tea", "milk-tea", 590, 200),
            new DemoProduct("OOLONG-ICED", "Iced oolong tea", "tea", 420, 150),
            new DemoProduct("MATCHA-LATTE", "Matcha latte", "latte", 650, 120),
            new DemoProduct("MANGO-SLUSH", "Mango slush", "smoothie", 550, 80),
            new DemoProduct("LEMON-GREEN", "Lemon green tea", "tea", 390, 180),
            new DemoProduct("TARO-MILK", "Taro milk tea", "milk-tea", 610, 20));

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
    }
}
