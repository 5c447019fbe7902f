package com.groupbuy.query.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The catalog read model in PostgreSQL (written by the catalog projection). */
@Component
class Catalog {

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the SKUs on the menu (delisted products are left out), optionally of one category and of names containing {@code nameContains} (any case; its
     * {@code %} and {@code _} are taken literally). A shop's catalog is small: the name filter scans it.
     */
    List<String> skus(String category, String nameContains, int page, int size) {
        return jdbc.sql("""
                        SELECT sku FROM catalog_product
                         WHERE NOT delisted
                           AND (CAST(:category AS VARCHAR) IS NULL OR category = :category)
                           AND (CAST(:pattern AS VARCHAR) IS NULL OR name ILIKE :pattern ESCAPE '\\')
                         ORDER BY sku
                         LIMIT :size OFFSET :offset""")
                .param("category", category)
                .param("pattern", nameContains == null ? null : "%" + literally(nameContains) + "%")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(String.class)
                .list();
    }

    private static String literally(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
