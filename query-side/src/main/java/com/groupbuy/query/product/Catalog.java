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

    List<String> skus(String category, int page, int size) {
        return jdbc.sql("""
                        SELECT sku FROM catalog_product
                         WHERE (CAST(:category AS VARCHAR) IS NULL OR category = :category)
                         ORDER BY sku
                         LIMIT :size OFFSET :offset""")
                .param("category", category)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(String.class)
                .list();
    }
}
