package com.groupbuy.events.order;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The promotion an order was placed under, if any: a flash sale ({@code promotionId} is the sale), or a group buy
 * ({@code promotionId} is the deal, {@code groupId} the group joined). Regular orders carry none.
 */
public record Promotion(PromotionKind kind, String promotionId, String groupId) {

    public enum PromotionKind {
        FLASH_SALE,
        GROUP_BUY
    }

    public static Promotion flashSale(String flashSaleId) {
        return new Promotion(PromotionKind.FLASH_SALE, flashSaleId, null);
    }

    public static Promotion groupBuy(String groupBuyId, String groupId) {
        return new Promotion(PromotionKind.GROUP_BUY, groupBuyId, groupId);
    }

    @JsonIgnore
    public boolean isFlashSale() {
        return kind == PromotionKind.FLASH_SALE;
    }

    @JsonIgnore
    public boolean isGroupBuy() {
        return kind == PromotionKind.GROUP_BUY;
    }
}
