package com.groupbuy.platform.security;

/** The roles a JWT's {@code roles} claim may hold, as Spring authorities ({@code ROLE_} + upper case). */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** Store staff: the counter queue and the fulfilment of paid orders. */
    public static final String STAFF = "staff";

    private Roles() {
    }

    static String authorityOf(String role) {
        return "ROLE_" + role.toUpperCase(java.util.Locale.ROOT);
    }
}
