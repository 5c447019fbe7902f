package com.groupbuy.query.groupbuys;

/** Where a group stands, as the read models record it. */
enum GroupStatus {
    OPEN,
    COMPLETED,
    FAILED
}
