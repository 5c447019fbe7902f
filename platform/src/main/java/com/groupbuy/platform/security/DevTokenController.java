package com.groupbuy.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Mints tokens for any user and roles; see {@link DevTokenConfiguration} for when and to whom. */
@RestController
class DevTokenController {

    static final String PATH = "/api/v1/dev/tokens";

    private final DevTokens tokens;

    DevTokenController(DevTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank @Size(max = CurrentUser.MAX_USER_ID_LENGTH) String userId,
                        @NotEmpty List<@Pattern(regexp = "customer|analyst|admin|staff") String> roles) {
    }

    record TokenResponse(String token) {
    }

    @PostMapping(PATH)
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        return new TokenResponse(tokens.issue(request.userId(), request.roles()));
    }
}
