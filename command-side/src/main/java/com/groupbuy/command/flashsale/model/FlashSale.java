package com.groupbuy.command.flashsale.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A flash sale: the authority on its units. Orders the edge gate admitted hold units here (never more than the
 * sale has, never more than the per-customer limit); unpaid orders give them back; when the window closes (a
 * durable deadline) the units left return to the product, and so do units given back after that. Scheduled again
 * with the same id (a creation repeated with its Idempotency-Key), it stays as it was.
 */
@Aggregate(repository = "flashSaleRepository")
public class FlashSale {

    static final String SALE_WINDOW = "flash-sale-window";

    @AggregateIdentifier
    private String flashSaleId;
    private String sku;
    private String category;
    private SaleTerms terms;
    private int remaining;
    private boolean ended;
    private int returnedToProduct;
    private Map<String, FlashSaleAllocation.Holding> holdings = new HashMap<>();
    private Map<String, Integer> unitsByUser = new HashMap<>();

    protected FlashSale() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ScheduleFlashSale command, DeadlineManager deadlines, Clock clock, LateAdmissions late) {
        if (flashSaleId != null) {
            return false;
        }
        SaleTerms terms = SaleTerms.of(command, clock.instant());
        apply(new FlashSaleScheduled(command.flashSaleId(), command.sku(), command.category(), terms.priceCents(),
                terms.quantity(), terms.perUserLimit(), terms.startsAt(), terms.endsAt(), terms.happyHours()));
        deadlines.schedule(terms.endsAt().plus(late.window()), SALE_WINDOW);
        return true;
    }

    @CommandHandler
    FlashSaleReservation handle(ReserveFlashSaleUnits command) {
        FlashSaleAllocation.Holding held = holdings.get(command.orderId());
        if (held == null) {
            if (ended) {
                throw new BusinessRuleViolation(ErrorCode.ENDED, "the sale has ended");
            }
            terms.admit(command.admittedAt(), command.quantity(), unitsByUser.getOrDefault(command.userId(), 0),
                    remaining);
            apply(new FlashSaleUnitsReserved(flashSaleId, command.orderId(), command.userId(), command.quantity(),
                    remaining - command.quantity()));
            held = holdings.get(command.orderId());
        }
        return new FlashSaleReservation(sku, category, held.quantity(), terms.priceCents());
    }

    @CommandHandler
    void handle(ReturnFlashSaleUnits command) {
        FlashSaleAllocation.Holding held = holdings.get(command.orderId());
        if (held == null) {
            return;
        }
        int units = held.quantity();
        apply(new FlashSaleUnitsReturned(flashSaleId, sku, command.orderId(), held.userId(), units,
                ended ? remaining : remaining + units, ended ? returnedToProduct + units : returnedToProduct));
    }

    @CommandHandler
    FlashSaleAllocation handle(DescribeFlashSaleAllocation command) {
        return new FlashSaleAllocation(flashSaleId, sku, terms.priceCents(), terms.quantity(), terms.perUserLimit(),
                terms.startsAt(), terms.endsAt(), terms.happyHours(), ended, remaining, Map.copyOf(holdings));
    }

    /** Answers the units the sale had left, which go back to the product (none when it had ended already). */
    @CommandHandler
    int handle(EndFlashSaleEarly command) {
        int left = ended ? 0 : remaining;
        end();
        return left;
    }

    @DeadlineHandler(deadlineName = SALE_WINDOW)
    void onSaleWindowClosed() {
        end();
    }

    private void end() {
        if (!ended) {
            apply(new FlashSaleEnded(flashSaleId, sku, remaining, returnedToProduct + remaining));
        }
    }

    @EventSourcingHandler
    void on(FlashSaleScheduled event) {
        flashSaleId = event.flashSaleId();
        sku = event.sku();
        category = event.category();
        terms = new SaleTerms(event.priceCents(), event.quantity(), event.perUserLimit(), event.startsAt(),
                event.endsAt(), event.happyHours());
        remaining = event.quantity();
    }

    @EventSourcingHandler
    void on(FlashSaleUnitsReserved event) {
        holdings.put(event.orderId(), new FlashSaleAllocation.Holding(event.userId(), event.quantity()));
        unitsByUser.merge(event.userId(), event.quantity(), Integer::sum);
        remaining = event.remaining();
    }

    @EventSourcingHandler
    void on(FlashSaleUnitsReturned event) {
        holdings.remove(event.orderId());
        unitsByUser.merge(event.userId(), -event.quantity(), Integer::sum);
        remaining = event.remaining();
        returnedToProduct = event.returnedToProduct();
    }

    @EventSourcingHandler
    void on(FlashSaleEnded event) {
        ended = true;
        remaining = 0;
        returnedToProduct = event.returnedToProduct();
    }
}
