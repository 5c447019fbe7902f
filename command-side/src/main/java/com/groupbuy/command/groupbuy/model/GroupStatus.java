package com.groupbuy.command.groupbuy.model;

/** Where a group stands: open for members, completed with enough paid members, or failed when its window closed. */
public enum GroupStatus {
    OPEN,
    COMPLETED,
    FAILED
}
