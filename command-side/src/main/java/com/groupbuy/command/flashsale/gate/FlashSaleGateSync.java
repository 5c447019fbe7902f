package com.groupbuy.command.flashsale.gate;

import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.events.order.OrderRejected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Duration;

/**
 * Keeps the gate in step with the sales' events: gives the gate back the units of orders that gave theirs back to
 * the sale or were rejected by it, and closes an ended sale. Runs in the workers over the event store; every change
 * is keyed by order, so a replayed event changes nothing.
 *
 * <p>It does not open sales: a {@code FlashSaleScheduled} handled late (a lagging or replaying processor) after the
 * gate lost the sale would reopen it with every unit although purchases took some. The api opens the gate when it
 * schedules the sale; a gate that has lost a sale is rebuilt from the sale itself ({@link FlashSaleGateRepair}).
 */
@ProcessingGroup(FlashSaleGateSync.PROCESSING_GROUP)
public class FlashSaleGateSync {

    public static final String PROCESSING_GROUP = "flash-sale-gate";

    private final FlashSaleGate gate;
    private final Duration syncPatience;

    public FlashSaleGateSync(FlashSaleGate gate, Duration syncPatience) {
        this.gate = gate;
        this.syncPatience = syncPatience;
    }

    @EventHandler
    void on(FlashSaleUnitsReturned event) {
        giveBack(event.flashSaleId(), event.orderId());
    }

    @EventHandler
    void on(OrderRejected event) {
        if (event.promotion() != null && event.promotion().isFlashSale()) {
            giveBack(event.promotion().promotionId(), event.orderId());
        }
    }

    @EventHandler
    void on(FlashSaleEnded event) {
        gate.close(event.flashSaleId());
    }

    /** While the gate is being rebuilt, its result may or may not include this order yet: wait for it to finish. */
    private void giveBack(String flashSaleId, String orderId) {
        long deadline = System.nanoTime() + syncPatience.toNanos();
        while (gate.giveBack(flashSaleId, orderId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gate of flash sale " + flashSaleId + " stays in sync; retrying");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
