package com.groupbuy.platform.security;

import org.springframework.security.core.Authentication;

/** The caller, as the token says: the user id is the token's subject and never comes from a request body. */
public record CurrentUser(String userId, boolean isAdmin, boolean isAnalyst) {

    /** The longest user id a token may carry: what the idempotency records and the read models keep. */
    public static final int MAX_USER_ID_LENGTH = 64;

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(authentication.getName(),
                has(authentication, Roles.ADMIN), has(authentication, Roles.ANALYST));
    }

    /** Whether the caller holds {@code role} (one of {@link Roles}). */
    public static boolean has(Authentication authentication, String role) {
        String authority = Roles.authorityOf(role);
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
