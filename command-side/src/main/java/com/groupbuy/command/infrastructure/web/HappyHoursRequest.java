package com.groupbuy.command.infrastructure.web;

import com.groupbuy.events.groupbuy.HappyHours;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;

/**
 * Recurring hours in which a promotion is open, as a request gives them: {@code days} (MONDAY…SUNDAY),
 * {@code from}/{@code to} HH:mm, a zone. Group-buy deals and flash sales take the same shape.
 */
public record HappyHoursRequest(@NotEmpty @Size(max = 7) List<@NotNull DayOfWeek> days,
                                @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String from,
                                @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String to,
                                @NotBlank @Size(max = 64) String timeZone) {

    /** The happy hours requested, days once each in week order; null for none. */
    public static HappyHours toHappyHours(HappyHoursRequest request) {
        return request == null ? null
                : new HappyHours(request.days().stream().distinct().sorted().toList(), request.from(), request.to(),
                request.timeZone());
    }
}
