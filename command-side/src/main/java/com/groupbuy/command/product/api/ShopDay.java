package com.groupbuy.command.product.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The shop's business day, in its time zone ({@code groupbuy.shop.time-zone}, UTC unless set). */
@Component
class ShopDay {

    private final Clock clock;
    private final ZoneId zone;

    ShopDay(Clock clock, @Value("${groupbuy.shop.time-zone:UTC}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The first instant of tomorrow where the shop is. */
    Instant endOfToday() {
        return LocalDate.now(clock.withZone(zone)).plusDays(1).atStartOfDay(zone).toInstant();
    }
}
