package com.groupbuy.events;

import com.groupbuy.events.coupon.CouponCampaignCreated;
import com.groupbuy.events.coupon.CouponCampaignStopped;
import com.groupbuy.events.coupon.CouponClaimed;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponRedeemed;
import com.groupbuy.events.coupon.CouponRestored;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderGroupCompleted;
import com.groupbuy.events.order.OrderNotCollected;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderPickedUp;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderPreparationStarted;
import com.groupbuy.events.order.OrderReadyForPickup;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.product.ProductBackOnSale;
import com.groupbuy.events.product.ProductDelisted;
import com.groupbuy.events.product.ProductMarkedSoldOut;
import com.groupbuy.events.product.ProductOptionsChanged;
import com.groupbuy.events.product.ProductRecategorised;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.ProductRelisted;
import com.groupbuy.events.product.ProductRenamed;
import com.groupbuy.events.product.ProductRepriced;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.events.groupbuy.GroupBuyCancelled;
import com.groupbuy.events.groupbuy.GroupBuyCreated;
import com.groupbuy.events.groupbuy.GroupBuyPaused;
import com.groupbuy.events.groupbuy.GroupBuyResumed;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the system, by its wire name (the record's simple name). */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> EVENT_TYPES = List.of(
            ProductRegistered.class,
            StockAdjusted.class,
            StockReserved.class,
            StockReleased.class,
            StockCommitted.class,
            StockSetAside.class,
            StockReturned.class,
            ProductRepriced.class,
            ProductRenamed.class,
            ProductRecategorised.class,
            ProductMarkedSoldOut.class,
            ProductBackOnSale.class,
            ProductDelisted.class,
            ProductRelisted.class,
            ProductOptionsChanged.class,
            OrderPlaced.class,
            OrderConfirmed.class,
            OrderRejected.class,
            OrderPaid.class,
            OrderCancelled.class,
            OrderExpired.class,
            OrderRefunded.class,
            OrderPartiallyRefunded.class,
            OrderGroupCompleted.class,
            OrderPreparationStarted.class,
            OrderReadyForPickup.class,
            OrderPickedUp.class,
            OrderNotCollected.class,
            CouponCampaignCreated.class,
            CouponClaimed.class,
            CouponCampaignStopped.class,
            CouponIssued.class,
            CouponRedeemed.class,
            CouponRestored.class,
            FlashSaleScheduled.class,
            FlashSaleUnitsReserved.class,
            FlashSaleUnitsReturned.class,
            FlashSaleEnded.class,
            GroupBuyCreated.class,
            GroupBuyPaused.class,
            GroupBuyResumed.class,
            GroupBuyCancelled.class,
            GroupOpened.class,
            GroupMemberJoined.class,
            GroupMemberPaid.class,
            GroupMemberLeft.class,
            GroupCompleted.class,
            GroupFailed.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = EVENT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<? extends DomainEvent>> eventTypes() {
        return EVENT_TYPES;
    }

    public static Optional<Class<? extends DomainEvent>> typeNamed(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    public static String nameOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    public static int schemaVersionOf(Class<?> eventClass) {
        SchemaVersion version = eventClass.getAnnotation(SchemaVersion.class);
        if (version == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @SchemaVersion");
        }
        return version.value();
    }
}
