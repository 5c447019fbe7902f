package com.groupbuy.command.infrastructure.web;

import com.groupbuy.platform.apidocs.DocumentedCall;
import com.groupbuy.platform.apidocs.DocumentedCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.util.List;
import java.util.stream.Stream;

import static com.groupbuy.contract.ErrorCode.ALREADY_EXISTS;
import static com.groupbuy.contract.ErrorCode.ALREADY_MEMBER;
import static com.groupbuy.contract.ErrorCode.DELISTED;
import static com.groupbuy.contract.ErrorCode.ENDED;
import static com.groupbuy.contract.ErrorCode.FORBIDDEN;
import static com.groupbuy.contract.ErrorCode.GROUP_CLOSED;
import static com.groupbuy.contract.ErrorCode.GROUP_FULL;
import static com.groupbuy.contract.ErrorCode.IDEMPOTENCY_KEY_REUSED;
import static com.groupbuy.contract.ErrorCode.ILLEGAL_STATE;
import static com.groupbuy.contract.ErrorCode.INSUFFICIENT_STOCK;
import static com.groupbuy.contract.ErrorCode.LIMIT_REACHED;
import static com.groupbuy.contract.ErrorCode.NOT_FOUND;
import static com.groupbuy.contract.ErrorCode.NOT_STARTED;
import static com.groupbuy.contract.ErrorCode.OVERLOADED;
import static com.groupbuy.contract.ErrorCode.PAYMENT_MISMATCH;
import static com.groupbuy.contract.ErrorCode.PICKUP_CODE_MISMATCH;
import static com.groupbuy.contract.ErrorCode.RATE_LIMITED;
import static com.groupbuy.contract.ErrorCode.SOLD_OUT;
import static com.groupbuy.contract.ErrorCode.VALIDATION_FAILED;
import static com.groupbuy.platform.apidocs.DocumentedCall.V1;
import static com.groupbuy.platform.apidocs.DocumentedCall.json;
import static com.groupbuy.platform.apidocs.DocumentedCall.post;

/**
 * The api's calls as its OpenAPI document describes them (SPEC.md's command API and docs/contract-notes.md): the
 * one place for their statuses, problem codes and examples. Every call is a POST through the idempotency filter
 * and decides on aggregates, so each may also answer 422 IDEMPOTENCY_KEY_REUSED, 409 ILLEGAL_STATE (a repeat whose
 * first request still runs) and 503 OVERLOADED.
 */
@Configuration(proxyBeanMethods = false)
@Profile("api")
class CommandApiDocumentation {

    private static final String ORDER_ID = "4f6c1c2e-8d7a-4b7e-9a51-2f1e0c3d9b10";

    @Bean
    DocumentedCalls commandApiCalls() {
        return new DocumentedCalls("groupbuy api", """
                Storefront and admin commands. 202 means durably accepted: the outcome shows on the query \
                side. Any POST may carry `Idempotency-Key` (at most 64 characters): a \
                repeat answers the first answer (`Idempotent-Replayed: true`).""",
                Stream.of(products(), coupons(), orders(), flashSales(), groupBuys())
                        .flatMap(List::stream)
                        .map(CommandApiDocumentation::idempotent)
                        .toList());
    }

    private static List<DocumentedCall> products() {
        return List.of(
                post(V1 + "/products", 201, "Register a product")
                        .refusing(409, ALREADY_EXISTS)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("sku", "COLA-330", "name", "Cola 330 ml", "category", "soda",
                                "priceCents", 250, "initialStock", 500))
                        .answering(json("sku", "COLA-330")),
                post(V1 + "/products/{sku}/stock", 202, "Adjust a product's stock (never below what orders hold)")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, INSUFFICIENT_STOCK)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("delta", -20)),
                menuChange("price", "Change a product's list price (orders already priced keep theirs)")
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("priceCents", 270)),
                menuChange("name", "Rename a product")
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("name", "Cola 330 ml, chilled")),
                menuChange("category", "Move a product to another category (later sales count there)")
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("category", "soft-drinks")),
                menuChange("sold-out", "Mark a product sold out until the end of the shop's day (staff or "
                        + "admin): orders for it are refused with SOLD_OUT, it sells again by itself tomorrow")
                        .refusing(409, DELISTED),
                menuChange("back-on-sale", "Put a product marked sold out back on sale (staff or admin)"),
                menuChange("delist", "Take a product off the menu: not listed, not sold, not offered by new "
                        + "promotions (orders for it are refused with DELISTED)"),
                menuChange("relist", "Put a delisted product back on the menu"),
                menuChange("options", "Replace a drink's options (size, sugar, ice, toppings): each group with its "
                        + "minimum and maximum choices, each option with what it adds to the price and the product "
                        + "it uses a unit of per drink (stockSku, e.g. pearls), which must exist and be on the menu")
                        .refusing(409, DELISTED)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("optionGroups", List.of(
                                json("code", "size", "name", "Size", "minChoices", 1, "maxChoices", 1,
                                        "options", List.of(
                                                json("code", "m", "name", "Medium", "priceDeltaCents", 0),
                                                json("code", "l", "name", "Large", "priceDeltaCents", 60))),
                                json("code", "toppings", "name", "Toppings", "minChoices", 0, "maxChoices", 3,
                                        "options", List.of(json("code", "pearls", "name", "Tapioca pearls",
                                                "priceDeltaCents", 50, "stockSku", "PEARLS")))))));
    }

    /** A change to a product's place on the menu, answering the product as the menu now shows it. */
    private static DocumentedCall menuChange(String change, String summary) {
        return post(V1 + "/products/{sku}/" + change, 200, summary)
                .refusing(404, NOT_FOUND)
                .answering(json("sku", "COLA-330", "name", "Cola 330 ml", "category", "soda", "priceCents", 270,
                        "status", "ON_SALE", "soldOutUntil", null));
    }

    private static List<DocumentedCall> coupons() {
        return List.of(
                post(V1 + "/coupon-campaigns", 201, "Create a coupon campaign (validDaysAfterClaim, optional: "
                        + "each coupon is valid that many days from its claim, never past validUntil)")
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("type", "PERCENT_OFF", "percentOff", 20, "maxDiscountCents", 500,
                                "minSpendCents", 1000, "totalQuantity", 1000, "perUserLimit", 1,
                                "validFrom", "2026-12-01T00:00:00Z", "validUntil", "2026-12-31T23:59:59Z",
                                "categories", List.of("soda"), "validDaysAfterClaim", 7))
                        .answering(json("campaignId", "c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b")),
                post(V1 + "/coupon-campaigns/{campaignId}/claims", 201, "Claim a coupon of a campaign")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, SOLD_OUT, LIMIT_REACHED, NOT_STARTED, ENDED)
                        .answering(json("couponId", "7e57c0de-0000-4000-8000-00000000c0de")),
                post(V1 + "/coupon-campaigns/{campaignId}/stop", 200,
                        "Stop a coupon campaign: later claims are refused, coupons claimed before stay valid")
                        .refusing(404, NOT_FOUND)
                        .answering(json("campaignId", "c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b", "claimed", 1)));
    }

    private static List<DocumentedCall> orders() {
        return List.of(
                post(V1 + "/orders", 202, "Place an order (through the order queue); a line's options are "
                        + "checked against the drink's options before it is queued")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, DELISTED)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("items", List.of(json("sku", "COLA-330", "quantity", 2),
                                        json("sku", "MILK-TEA", "quantity", 1, "options",
                                                json("size", List.of("l"), "toppings", List.of("pearls")))),
                                "couponId", "7e57c0de-0000-4000-8000-00000000c0de"))
                        .answering(json("orderId", ORDER_ID)),
                post(V1 + "/orders/{orderId}/payment", 202, "Pay one's confirmed order (its total, once)")
                        .refusing(403, FORBIDDEN)
                        .refusing(404, NOT_FOUND)
                        .refusing(409, PAYMENT_MISMATCH, ILLEGAL_STATE)
                        .sending(json("amountCents", 400, "paymentRef", "psp-000123")),
                post(V1 + "/orders/{orderId}/cancellation", 202, "Cancel one's order before it is paid")
                        .refusing(403, FORBIDDEN)
                        .refusing(404, NOT_FOUND)
                        .refusing(409, ILLEGAL_STATE),
                post(V1 + "/orders/{orderId}/preparation", 202,
                        "Start making a paid order (staff; a group order once its group completed)")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, ILLEGAL_STATE),
                post(V1 + "/orders/{orderId}/ready", 202,
                        "Put a made order on the counter, to be collected within the pickup window (staff)")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, ILLEGAL_STATE),
                post(V1 + "/orders/{orderId}/handover", 202,
                        "Hand a ready order to the customer who shows its pickup code (staff)")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, PICKUP_CODE_MISMATCH, ILLEGAL_STATE)
                        .sending(json("pickupCode", "K7QX")),
                post(V1 + "/orders/{orderId}/refund", 202, "Refund a paid order, saying why (admin): in full "
                        + "(before the counter made it its units return to stock and its coupon is restored), or "
                        + "amountCents of it (money only; never more than is left of the payment)")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, ILLEGAL_STATE)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("reason", "one cup spilt", "amountCents", 450)));
    }

    private static List<DocumentedCall> flashSales() {
        return List.of(
                post(V1 + "/flash-sales", 201, "Schedule a flash sale (its units are set aside from the product); "
                        + "with happyHours, it sells only on those days between from and to (local HH:mm in "
                        + "timeZone), and may last at most 366 days")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, SOLD_OUT, INSUFFICIENT_STOCK, DELISTED)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("sku", "COLA-330", "priceCents", 99, "quantity", 100, "perUserLimit", 2,
                                "startsAt", "2026-12-06T12:00:00Z", "endsAt", "2026-12-13T12:00:00Z",
                                "happyHours", json("days", List.of("FRIDAY", "SATURDAY"), "from", "22:00",
                                        "to", "02:00", "timeZone", "Asia/Taipei")))
                        .answering(json("flashSaleId", "f1a5c0de-0000-4000-8000-000000000001")),
                post(V1 + "/flash-sales/{flashSaleId}/orders", 202, "Buy in a flash sale (admitted at the edge); "
                        + "409 NOT_STARTED before its start or outside its happy hours")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, SOLD_OUT, LIMIT_REACHED, NOT_STARTED, ENDED)
                        .refusing(429, RATE_LIMITED)
                        .sending(json("quantity", 1))
                        .answering(json("orderId", ORDER_ID)),
                post(V1 + "/flash-sales/{flashSaleId}/end", 200,
                        "End a flash sale now: the gate refuses at once, the units left go back to the product")
                        .refusing(404, NOT_FOUND)
                        .answering(json("flashSaleId", "f1a5c0de-0000-4000-8000-000000000001", "unitsReturned", 8)),
                post(V1 + "/flash-sales/{flashSaleId}/reconciliation", 200,
                        "Rebuild a flash sale's admission gate from the sale (operators)")
                        .answering(json("flashSaleId", "f1a5c0de-0000-4000-8000-000000000001", "gateHadSale", true,
                                "gateRemaining", 40, "saleRemaining", 40, "ordersOnlyAtGate", 0,
                                "ordersOnlyInSale", 0, "driftUnits", 0)));
    }

    private static List<DocumentedCall> groupBuys() {
        return List.of(
                post(V1 + "/group-buys", 201, "Create a group-buy deal (group price below the list price); with "
                        + "happyHours, groups open only on those days between from and to (local HH:mm in timeZone); "
                        + "allowedOptions names the product's option groups members may choose in, each option at "
                        + "its priceDeltaCents on top of the group price")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, DELISTED)
                        .refusing(422, VALIDATION_FAILED)
                        .sending(json("sku", "COLA-330", "groupPriceCents", 180, "groupSize", 3,
                                "windowSeconds", 3600, "startsAt", "2026-12-06T00:00:00Z",
                                "endsAt", "2026-12-07T00:00:00Z", "happyHours", json("days",
                                        List.of("MONDAY", "TUESDAY"), "from", "14:00", "to", "17:00",
                                        "timeZone", "Asia/Taipei"), "allowedOptions", List.of("sugar", "toppings")))
                        .answering(json("groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003")),
                post(V1 + "/group-buys/{groupBuyId}/groups", 202, "Open a group (and place the opener's order, "
                        + "optionally with options in the groups the deal allows); 409 ILLEGAL_STATE while the deal "
                        + "is paused, ENDED once it ended or was cancelled")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, NOT_STARTED, ENDED, ILLEGAL_STATE)
                        .refusing(422, VALIDATION_FAILED)
                        .refusing(429, RATE_LIMITED)
                        .sending(json("options", json("sugar", List.of("50"), "toppings", List.of("pearls"))))
                        .answering(json("groupId", "6a7b8c9d-0000-4000-8000-000000000004", "orderId", ORDER_ID)),
                post(V1 + "/group-buys/{groupBuyId}/groups/{groupId}/members", 202,
                        "Join a group (and place the member's order, optionally with options in the groups the deal "
                                + "allows); 409 ILLEGAL_STATE while the deal is paused, ENDED once it was cancelled")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, GROUP_FULL, GROUP_CLOSED, ALREADY_MEMBER, ILLEGAL_STATE, ENDED)
                        .refusing(422, VALIDATION_FAILED)
                        .refusing(429, RATE_LIMITED)
                        .sending(json("options", json("sugar", List.of("50"))))
                        .answering(json("orderId", ORDER_ID)),
                post(V1 + "/group-buys/{groupBuyId}/pause", 200,
                        "Pause a deal: no group opens or takes members until it is resumed; open groups run on")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, ILLEGAL_STATE)
                        .answering(json("groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003", "status", "PAUSED")),
                post(V1 + "/group-buys/{groupBuyId}/resume", 200, "Resume a paused deal")
                        .refusing(404, NOT_FOUND)
                        .refusing(409, ILLEGAL_STATE)
                        .answering(json("groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003", "status", "ACTIVE")),
                post(V1 + "/group-buys/{groupBuyId}/cancel", 200, "Cancel a deal for good: its open groups fail, "
                        + "their paid orders are refunded and the others cancelled")
                        .refusing(404, NOT_FOUND)
                        .answering(json("groupBuyId", "9b0c1d2e-0000-4000-8000-000000000003",
                                "status", "CANCELLED")));
    }

    private static DocumentedCall idempotent(DocumentedCall call) {
        return call.refusing(409, ILLEGAL_STATE)
                .refusing(422, IDEMPOTENCY_KEY_REUSED)
                .refusing(503, OVERLOADED);
    }
}
