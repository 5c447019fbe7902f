package com.groupbuy.command.flashsale.api;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.outage.ServerOutage;
import com.groupbuy.platform.security.BearerTokens;
import com.groupbuy.platform.security.CurrentUser;
import com.groupbuy.platform.security.Roles;
import com.groupbuy.platform.web.AheadOfTheChain;
import com.groupbuy.platform.web.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The flash-sale crowd's way in: a purchase ({@code POST /api/v1/flash-sales/{id}/orders}) from a customer's valid
 * token, with a well-formed body and no {@code Idempotency-Key}, is answered here, ahead of Spring Security's filter
 * chain and Spring MVC, through {@link FlashSalePurchases} as the controller answers it. In a burst almost every
 * request is such a purchase, and almost every answer a refusal: the chain's dozen filters, the dispatch and an
 * exception per refusal were most of the api's CPU per decision (docs/performance.md).
 *
 * <p>Every other request to that path goes on down the chain unchanged: no or a bad token, a body the controller
 * should refuse, an {@code Idempotency-Key} (whose answers the idempotency filter keeps in PostgreSQL), or an
 * {@code Origin} (a browser's, for the chain's CORS rules). They get
 * the answers every endpoint gives.
 */
final class CrowdPurchaseFilter extends OncePerRequestFilter {

    static final String PATH_PATTERN = "/api/v1/flash-sales/{flashSaleId}/orders";
    private static final Pattern PATH = Pattern.compile("/api/v1/flash-sales/([A-Za-z0-9-]{1,64})/orders");
    private static final Logger log = LoggerFactory.getLogger(CrowdPurchaseFilter.class);

    /** The body the controller reads: {@code {"quantity": 1..99}}. */
    record Body(Integer quantity) {

        boolean wellFormed() {
            return quantity != null && quantity >= 1 && quantity <= 99;
        }
    }

    private final BearerTokens tokens;
    private final FlashSalePurchases purchases;
    private final JsonMapper json;
    private final RefusalDocuments problems;

    CrowdPurchaseFilter(BearerTokens tokens, FlashSalePurchases purchases, JsonMapper json) {
        this.tokens = tokens;
        this.purchases = purchases;
        this.json = json;
        this.problems = new RefusalDocuments(json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader("Idempotency-Key") != null
                || !request.getRequestURI().endsWith("/orders") || !AheadOfTheChain.mayAnswer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = PATH.matcher(request.getRequestURI());
        Optional<Authentication> caller = path.matches() ? tokens.callerOf(request) : Optional.empty();
        if (caller.isEmpty() || !CurrentUser.has(caller.get(), Roles.CUSTOMER)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] bytes = request.getInputStream().readAllBytes();
        Body body = bodyOf(bytes);
        if (body == null || !body.wellFormed()) {
            chain.doFilter(new CachedBodyRequest(request, bytes), response);
            return;
        }
        AheadOfTheChain.timedAs(request, PATH_PATTERN);
        answer(request, response, buy(path.group(1), caller.get().getName(), body.quantity()));
    }

    private FlashSalePurchases.Outcome buy(String flashSaleId, String userId, int quantity) {
        try {
            return purchases.buy(flashSaleId, userId, quantity, null);
        } catch (RuntimeException e) {
            if (!ServerOutage.causedBy(e)) {
                log.error("unexpected error", e);
                return new FlashSalePurchases.Refused(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                        "Something went wrong on our side", 0);
            }
            log.warn("answered 503: a server this process needs is away: {}", e.toString());
            return new FlashSalePurchases.Refused(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
                    "A server this service needs is not reachable; retry in a moment", 1);
        }
    }

    /**
     * The body as a storefront's JSON library writes it, {@code {"quantity":2}}, is read without Jackson (a tenth of
     * the filter's time in the burst profile went to reading four-digit bodies); any other spelling goes to Jackson.
     */
    private Body bodyOf(byte[] bytes) {
        Integer quantity = CanonicalBody.quantityOf(bytes);
        if (quantity != null) {
            return new Body(quantity);
        }
        try {
            return json.readValue(bytes, Body.class);
        } catch (JacksonException malformed) {
            return null;
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, FlashSalePurchases.Outcome outcome)
            throws IOException {
        AheadOfTheChain.secureHeaders(request, response);
        switch (outcome) {
            case FlashSalePurchases.Accepted accepted -> {
                response.setStatus(HttpStatus.ACCEPTED.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), accepted);
            }
            case FlashSalePurchases.Refused refused -> {
                response.setStatus(refused.status().value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                if (refused.retryAfterSeconds() > 0) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
                }
                response.getOutputStream().write(problems.of(refused, request.getRequestURI()));
            }
        }
    }
}
