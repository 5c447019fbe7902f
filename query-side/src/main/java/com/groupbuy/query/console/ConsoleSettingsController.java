package com.groupbuy.query.console;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /console/settings.json}, without a token: where the operator endpoints are, and whether this process
 * mints dev tokens (profile {@code local}), so the sign-in offers one-click demo roles only where they work.
 */
@RestController
class ConsoleSettingsController {

    record Settings(String operatorUrl, boolean devTokens) {
    }

    private final Settings settings;

    ConsoleSettingsController(ConsoleSettings console, Environment environment) {
        this.settings = new Settings(console.operatorUrl(), environment.acceptsProfiles(Profiles.of("local")));
    }

    @GetMapping("/console/settings.json")
    Settings settings() {
        return settings;
    }
}
