package com.groupbuy.command.flashsale.api;

import com.groupbuy.command.flashsale.gate.Admission;
import com.groupbuy.command.flashsale.gate.FlashSaleGate;
import com.groupbuy.command.flashsale.gate.FlashSaleGateRepair;
import com.groupbuy.command.flashsale.gate.GateSyncingException;
import com.groupbuy.command.infrastructure.ratelimit.RateLimit;
import com.groupbuy.command.order.queue.OrderQueue;
import com.groupbuy.command.order.queue.OrderQueueUnavailableException;
import com.groupbuy.command.order.queue.OrderRequest;
import com.groupbuy.contract.ErrorCode;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * A purchase in a flash sale, decided at the edge: one call of the gate's script (the buyer's rate limit, the window,
 * units left and the buyer's limit), then, when admitted, the order request on the order queue. Every answer is a
 * value, a refusal included: a crowd is mostly refused, and a refusal should cost no more than an admission.
 */
@Component
@Profile("api")
class FlashSalePurchases {

    /** What the api answers a purchase. */
    sealed interface Outcome {
    }

    record Accepted(String orderId) implements Outcome {
    }

    /** {@code retryAfterSeconds} is 0 when trying again will not help. */
    record Refused(HttpStatus status, ErrorCode code, String detail, long retryAfterSeconds) implements Outcome {
    }

    private static final Refused SOLD_OUT = new Refused(HttpStatus.CONFLICT, ErrorCode.SOLD_OUT,
            "the sale has no units left for this purchase", 0);
    private static final Refused LIMIT_REACHED = new Refused(HttpStatus.CONFLICT, ErrorCode.LIMIT_REACHED,
            "the per-customer limit is reached", 0);
    private static final Refused NOT_STARTED = new Refused(HttpStatus.CONFLICT, ErrorCode.NOT_STARTED,
            "the sale has not started yet, or is outside its happy hours", 0);
    private static final Refused ENDED = new Refused(HttpStatus.CONFLICT, ErrorCode.ENDED, "the sale has ended", 0);
    private static final Refused NOT_QUEUED = new Refused(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
            OrderQueueUnavailableException.DETAIL_FOR_CALLER, 1);

    private final FlashSaleGate gate;
    private final FlashSaleGateRepair repair;
    private final AdmissionMetrics metrics;
    private final OrderQueue queue;
    private final RateLimit rateLimit;
    private final Clock clock;

    FlashSalePurchases(FlashSaleGate gate, FlashSaleGateRepair repair, AdmissionMetrics metrics, OrderQueue queue,
                       RateLimit crowdRateLimit, Clock clock) {
        this.gate = gate;
        this.repair = repair;
        this.metrics = metrics;
        this.queue = queue;
        this.rateLimit = crowdRateLimit;
        this.clock = clock;
    }

    /** {@code userId} buys {@code quantity} units; a repeat with the same {@code idempotencyKey} is the same order. */
    Outcome buy(String flashSaleId, String userId, int quantity, String idempotencyKey) {
        String orderId = OrderRequest.idFor(userId, idempotencyKey);
        Instant now = clock.instant();
        Admission admission = gate.admit(flashSaleId, orderId, userId, quantity, now, rateLimit);
        metrics.record(admission.decision());
        return switch (admission.decision()) {
            case ADMITTED -> enqueue(OrderRequest.flashSale(orderId, userId, flashSaleId, admission.sku(), quantity,
                    now));
            case SOLD_OUT -> SOLD_OUT;
            case LIMIT_REACHED -> LIMIT_REACHED;
            case NOT_STARTED -> NOT_STARTED;
            case ENDED -> ENDED;
            case NO_SUCH_SALE -> new Refused(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "no flash sale " + flashSaleId,
                    0);
            case UNKNOWN -> {
                repair.rebuildInBackground(flashSaleId);
                yield syncing(flashSaleId);
            }
            case SYNCING -> syncing(flashSaleId);
            case RATE_LIMITED -> new Refused(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                    "too many requests; retry after " + admission.retryAfterMillis() + " ms",
                    Math.max(1, (admission.retryAfterMillis() + 999) / 1000));
        };
    }

    private static Refused syncing(String flashSaleId) {
        return new Refused(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
                GateSyncingException.messageFor(flashSaleId), 1);
    }

    /** An admitted purchase the queue does not take is given back to the gate; the buyer may try again. */
    private Outcome enqueue(OrderRequest request) {
        try {
            queue.enqueue(request);
            return new Accepted(request.orderId());
        } catch (OrderQueueUnavailableException e) {
            gate.giveBack(request.promotion().promotionId(), request.orderId());
            return NOT_QUEUED;
        }
    }
}
