package com.groupbuy.query.web;

import com.groupbuy.platform.apidocs.DocumentedCall;
import com.groupbuy.platform.apidocs.DocumentedCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static com.groupbuy.contract.ErrorCode.FORBIDDEN;
import static com.groupbuy.contract.ErrorCode.NOT_FOUND;
import static com.groupbuy.platform.apidocs.DocumentedCall.get;
import static com.groupbuy.platform.apidocs.DocumentedCall.V1;
import static com.groupbuy.platform.apidocs.DocumentedCall.json;

/**
 * The query side's calls as its OpenAPI document describes them (SPEC.md's query API and docs/contract-notes.md):
 * the one place for their problem codes and examples. Roles come from the controllers' {@code @PreAuthorize}, the
 * freshness headers from their {@code @ReadModel}.
 */
@Configuration(proxyBeanMethods = false)
class QueryApiDocumentation {

    private static final String SKU = "COLA-330";

    @Bean
    DocumentedCalls queryApiCalls() {
        return new DocumentedCalls("groupbuy query side", """
                Storefront and analyst reads. Read models are eventually consistent: every answer from one \
                says how fresh it is in `X-Read-Model-Position`, \
                `X-Read-Model-Event-Time` and `X-Read-Model-Age`.""", List.of(
                get(V1 + "/products", "Products on the menu with live stock, a page at a time (optionally of one "
                        + "category, or with names containing q); delisted products are left out")
                        .answering(json("items", List.of(product()), "page", 0, "size", 20)),
                get(V1 + "/products/{sku}", "A product with its live stock and whether it can be ordered (status "
                        + "ON_SALE, SOLD_OUT until soldOutUntil, or DELISTED)")
                        .refusing(404, NOT_FOUND)
                        .answering(product()),
                get(V1 + "/flash-sales", "The flash sales on offer: running now (first, soonest to end first), "
                        + "then those starting within a day; with happyHours a sale sells only within them, and "
                        + "openNow says whether it sells now")
                        .answering(json("items", List.of(json("flashSaleId", "f1a5c0de-0000-4000-8000-000000000001",
                                "sku", SKU, "priceCents", 99, "quantity", 100, "perUserLimit", 2, "remaining", 37,
                                "startsAt", "2026-12-06T12:00:00Z", "endsAt", "2026-12-13T12:00:00Z",
                                "status", "ACTIVE", "happyHours", json("days", List.of("FRIDAY", "SATURDAY"),
                                        "from", "22:00", "to", "02:00", "timeZone", "Asia/Taipei"),
                                "openNow", false)))),
                get(V1 + "/group-buys", "The group-buy deals running now, soonest to end first, each with how many "
                        + "of its groups can still be joined, and its happy hours (groups open only within them; "
                        + "opensGroupsNow says whether they do now), and the option groups its members may choose in")
                        .answering(json("items", List.of(json("groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003",
                                "sku", SKU, "groupPriceCents", 180, "groupSize", 3, "windowSeconds", 3600,
                                "startsAt", "2026-12-06T00:00:00Z", "endsAt", "2026-12-13T00:00:00Z",
                                "joinableGroups", 4, "happyHours", json("days", List.of("MONDAY", "FRIDAY"),
                                        "from", "14:00", "to", "17:00", "timeZone", "Asia/Taipei"),
                                "opensGroupsNow", true, "allowedOptions", List.of("sugar", "toppings"))))),
                get(V1 + "/flash-sales/{flashSaleId}", "A flash sale's live state: remaining units, window, status")
                        .refusing(404, NOT_FOUND)
                        .answering(json("flashSaleId", "f1a5c0de-0000-4000-8000-000000000001", "sku", SKU,
                                "priceCents", 99, "quantity", 100, "perUserLimit", 2, "remaining", 37,
                                "startsAt", "2026-12-06T12:00:00Z", "endsAt", "2026-12-06T12:10:00Z",
                                "status", "OPEN")),
                get(V1 + "/group-buys/{groupBuyId}/groups", "The groups of a deal (default OPEN); members is a count")
                        .answering(json("groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003", "status", "OPEN",
                                "items", List.of(json("groupId", "6a7b8c9d-0000-4000-8000-000000000004",
                                        "groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003", "sku", SKU,
                                        "groupPriceCents", 180, "groupSize", 3, "members", 2, "paidMembers", 1,
                                        "status", "OPEN", "openedAt", "2026-12-06T10:00:00Z",
                                        "expiresAt", "2026-12-06T11:00:00Z")))),
                get(V1 + "/orders/{orderId}", "An order with its lines, totals and timeline (its owner or an analyst)")
                        .refusing(403, FORBIDDEN)
                        .refusing(404, NOT_FOUND),
                get(V1 + "/me/orders", "The caller's orders, newest first (optionally of one status)")
                        .answering(json("items", List.of(json("orderId", "4f6c1c2e-8d7a-4b7e-9a51-2f1e0c3d9b10",
                                "status", "PAID", "subtotalCents", 500, "discountCents", 100, "totalCents", 400,
                                "placedAt", "2026-12-06T10:00:00Z", "updatedAt", "2026-12-06T10:01:00Z")),
                                "page", 0, "size", 20)),
                get(V1 + "/counter/queue", "The counter's queue (staff): paid orders to prepare (a group order "
                        + "once its group completed), those being prepared and those ready, oldest first")
                        .answering(json("items", List.of(json("orderId", "4f6c1c2e-8d7a-4b7e-9a51-2f1e0c3d9b10",
                                "pickupCode", "K7QX", "status", "PAID", "since", "2026-12-06T10:01:00Z",
                                "lines", List.of(json("sku", SKU, "category", "soda", "quantity", 2,
                                        "unitPriceCents", 200, "lineTotalCents", 400)))))),
                get(V1 + "/me/coupons", "The caller's coupons (optionally of one status)"),
                get(V1 + "/coupon-campaigns", "The coupon campaigns the caller can claim from now (in their "
                        + "validity, not stopped, coupons left), ending soonest first, with what it holds of each")
                        .answering(json("items", List.of(json("campaignId", "c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b",
                                "terms", json("type", "AMOUNT_OFF", "amountOffCents", 100, "minSpendCents", 0,
                                        "validFrom", "2026-12-01T00:00:00Z", "validUntil", "2026-12-31T00:00:00Z"),
                                "perUserLimit", 1, "remaining", 97, "claimedByYou", 0)))),
                get(V1 + "/analytics/sales", "Paid sales per hour or day and SKU: JSON a page at a time, or the "
                        + "whole range as CSV (Accept: text/csv or format=csv)")
                        .answering(json("from", "2026-12-06T00:00:00Z", "to", "2026-12-07T00:00:00Z",
                                "bucket", "hour", "rows", List.of(json("bucketStart", "2026-12-06T10:00:00Z",
                                        "sku", SKU, "category", "soda", "orders", 3, "units", 5,
                                        "revenueCents", 1150, "discountCents", 100, "grossCents", 1250)),
                                "page", 0, "size", 1000, "hasMore", false)),
                get(V1 + "/analytics/reports/{report}", "An analyst's report over the payments in [from, to) "
                        + "(at most 366 days; tz, default UTC, the zone days and hours are read in): "
                        + "sales-by-category, sales-by-promotion, sales-by-hour-and-weekday, coupon-campaigns "
                        + "(attributed revenue and cost) or customers (new and returning per day); JSON, or CSV "
                        + "(Accept: text/csv or format=csv)")
                        .refusing(404, NOT_FOUND)
                        .answering(json("report", "sales-by-category", "from", "2026-12-01T00:00:00Z",
                                "to", "2026-12-08T00:00:00Z", "timeZone", "UTC", "columns", List.of("category",
                                        "orders", "units", "gross_cents", "discount_cents", "revenue_cents"),
                                "rows", List.of(json("category", "milk-tea", "orders", 42, "units", 57,
                                        "gross_cents", 33630, "discount_cents", 1200, "revenue_cents", 32430)))),
                get(V1 + "/analytics/coupon-campaigns/{campaignId}", "A coupon campaign's claims and redemptions")
                        .refusing(404, NOT_FOUND),
                get(V1 + "/analytics/flash-sales/{flashSaleId}", "A flash sale's funnel and sell-through")
                        .refusing(404, NOT_FOUND),
                get(V1 + "/analytics/group-buys/{groupBuyId}", "A group-buy deal's groups and members")
                        .refusing(404, NOT_FOUND)));
    }

    private static Object product() {
        return json("sku", SKU, "name", "Cola 330 ml", "category", "soda", "priceCents", 250,
                "availableStock", 480, "status", "ON_SALE", "soldOutUntil", null);
    }
}
