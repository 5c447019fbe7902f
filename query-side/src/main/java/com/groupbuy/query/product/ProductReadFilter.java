package com.groupbuy.query.product;

import com.groupbuy.platform.security.BearerTokens;
import com.groupbuy.platform.web.AheadOfTheChain;
import com.groupbuy.query.freshness.ReadModel;
import com.groupbuy.query.freshness.ReadModelHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hottest read, {@code GET /api/v1/products/{sku}}, answered ahead of Spring Security's filter chain and Spring
 * MVC for a caller with a valid token and a product that is there: the same body and freshness headers as
 * {@link ProductQueryController#product}, with one Redis read and no PostgreSQL query (the positions are
 * remembered for a moment). Anything else, a missing product included, goes on down the chain to the controller.
 */
final class ProductReadFilter extends OncePerRequestFilter {

    static final String PATH_PATTERN = "/api/v1/products/{sku}";
    private static final Pattern PATH = Pattern.compile("/api/v1/products/([A-Za-z0-9._-]{1,64})");
    private static final List<String> READ_MODELS =
            Arrays.asList(ProductQueryController.class.getAnnotation(ReadModel.class).value());

    private final BearerTokens tokens;
    private final ProductCache cache;
    private final ReadModelHeaders freshness;
    private final JsonMapper json;

    ProductReadFilter(BearerTokens tokens, ProductCache cache, ReadModelHeaders freshness, JsonMapper json) {
        this.tokens = tokens;
        this.cache = cache;
        this.freshness = freshness;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null
                || !AheadOfTheChain.mayAnswer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = PATH.matcher(request.getRequestURI());
        if (!path.matches() || tokens.callerOf(request).isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        freshness.write(response, READ_MODELS);
        Optional<ProductView> product = cache.find(path.group(1));
        if (product.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        AheadOfTheChain.timedAs(request, PATH_PATTERN);
        AheadOfTheChain.secureHeaders(request, response);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), product.get());
    }
}
