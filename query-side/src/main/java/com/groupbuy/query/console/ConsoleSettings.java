package com.groupbuy.query.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the console's pages need to know that they cannot ask an API for: {@code operatorUrl}, where the
 * projections process's operator endpoints ({@code /admin/**}) answer the operator view (that process must list the
 * console's origin in {@code groupbuy.console.origins}); without it the operator view says it is not configured.
 */
@ConfigurationProperties("groupbuy.console")
record ConsoleSettings(String operatorUrl) {
}
