package com.groupbuy.query.flashsales;

import java.time.Instant;

/** Where a flash sale stands: by its window, and ENDED as soon as the sale says it ended. */
enum FlashSaleStatus {
    SCHEDULED,
    ACTIVE,
    ENDED;

    static FlashSaleStatus of(Instant startsAt, Instant endsAt, boolean ended, Instant now) {
        if (ended || !now.isBefore(endsAt)) {
            return ENDED;
        }
        return now.isBefore(startsAt) ? SCHEDULED : ACTIVE;
    }
}
