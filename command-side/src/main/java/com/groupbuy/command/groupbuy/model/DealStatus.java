package com.groupbuy.command.groupbuy.model;

/** Where a deal stands besides its window: running, paused by an admin, or cancelled for good. */
public enum DealStatus {
    ACTIVE,
    PAUSED,
    CANCELLED
}
