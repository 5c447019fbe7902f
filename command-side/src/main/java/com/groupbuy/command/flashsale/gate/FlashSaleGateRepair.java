package com.groupbuy.command.flashsale.gate;

import com.groupbuy.command.flashsale.model.DescribeFlashSaleAllocation;
import com.groupbuy.command.flashsale.model.FlashSaleAllocation;
import com.groupbuy.command.order.process.CommandFailures;
import com.groupbuy.command.order.queue.OrderQueueProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Rebuilds the gate's state of a sale from the sale itself, the authority, and reports how far the gate had drifted.
 * Used when Redis has lost a sale (the gate answers UNKNOWN) and as the reconciliation an operator runs.
 *
 * <p>To be exact it must not miss a purchase the gate admitted but the sale has not seen yet, so it: fences the
 * sale (admissions answer SYNCING, gate compensations wait); waits a grace period for admissions already past the
 * gate to reach the order queue; waits until the order workers have processed the queue up to that point, so
 * every admitted purchase has been held or rejected by the sale; then loads the sale's allocation into the gate.
 * If the workers do not get there within the patience given, it loads what the sale has anyway: the gate may then
 * admit a few purchases the sale will refuse (they end REJECTED and give their units back), never sell more.
 */
public class FlashSaleGateRepair {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleGateRepair.class);

    private final FlashSaleGate gate;
    private final CommandGateway commands;
    private final OrderQueueProgress queue;
    private final Clock clock;
    private final Settings settings;
    private final ExecutorService background;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final Counter repairs;
    private final Counter driftUnits;

    /** How long to wait for admissions in flight, for the workers, and how long a fence lives if its owner dies. */
    public record Settings(Duration grace, Duration patience, Duration lease) {
    }

    public FlashSaleGateRepair(FlashSaleGate gate, CommandGateway commands, OrderQueueProgress queue, Clock clock,
                               Settings settings, ExecutorService background, MeterRegistry registry) {
        this.gate = gate;
        this.commands = commands;
        this.queue = queue;
        this.clock = clock;
        this.settings = settings;
        this.background = background;
        this.repairs = Counter.builder("groupbuy.flash.sale.gate.repairs")
                .description("Times the flash-sale gate's state of a sale was rebuilt from the sale's events")
                .register(registry);
        this.driftUnits = Counter.builder("groupbuy.flash.sale.gate.drift.units")
                .description("Units by which the flash-sale gate differed from the sale when it was rebuilt")
                .register(registry);
    }

    /** Starts a rebuild of a sale the gate has lost, unless this process is rebuilding it already. */
    public void rebuildInBackground(String flashSaleId) {
        if (rebuilding.add(flashSaleId)) {
            background.execute(() -> {
                try {
                    repair(flashSaleId);
                } catch (RuntimeException e) {
                    log.warn("rebuilding the flash-sale gate of {} failed; the next purchase retries", flashSaleId, e);
                } finally {
                    rebuilding.remove(flashSaleId);
                }
            });
        }
    }

    /** Rebuilds the gate's state of the sale and says what differed; empty when another sync holds the sale. */
    public Optional<GateRepairReport> repair(String flashSaleId) {
        Optional<String> fence = gate.fence(flashSaleId, clock.instant(), settings.lease());
        if (fence.isEmpty()) {
            return Optional.empty();
        }
        String token = fence.get();
        awaitAdmittedPurchases(flashSaleId);
        FlashSaleGate.GateState before = gate.state(flashSaleId);
        FlashSaleAllocation sale;
        try {
            sale = commands.sendAndWait(new DescribeFlashSaleAllocation(flashSaleId));
        } catch (RuntimeException e) {
            if (CommandFailures.causeOf(e) instanceof AggregateNotFoundException) {
                gate.forget(flashSaleId, token, settings.lease());
            }
            throw e;
        }
        GateRepairReport report = GateRepairReport.compare(flashSaleId, before, sale);
        if (!gate.load(token, sale)) {
            log.warn("the fence on flash sale {} was taken over; leaving the gate to the other sync", flashSaleId);
            return Optional.empty();
        }
        repairs.increment();
        driftUnits.increment(report.driftUnits());
        if (report.driftUnits() > 0) {
            log.warn("flash-sale gate drift repaired: {}", report);
        } else {
            log.info("flash-sale gate rebuilt from the sale: {}", report);
        }
        return Optional.of(report);
    }

    private void awaitAdmittedPurchases(String flashSaleId) {
        try {
            Thread.sleep(settings.grace());
            Map<TopicPartition, Long> admittedSoFar = queue.written();
            if (!queue.awaitProcessed(admittedSoFar, settings.patience())) {
                log.warn("the order workers did not catch up within {}; rebuilding the gate of {} from the sale as "
                        + "it is, which may refuse some purchases the gate admits", settings.patience(), flashSaleId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while syncing the flash-sale gate", e);
        } catch (Exception e) {
            log.warn("could not read the order queue's progress; rebuilding the gate of {} from the sale as it is",
                    flashSaleId, e);
        }
    }

    /** What the gate had for a sale against what the sale has, in units. */
    public record GateRepairReport(String flashSaleId, boolean gateHadSale, Integer gateRemaining,
                                   int saleRemaining, int ordersOnlyAtGate, int ordersOnlyInSale, int driftUnits) {

        static GateRepairReport compare(String flashSaleId, FlashSaleGate.GateState gate, FlashSaleAllocation sale) {
            Set<String> onlyAtGate = new HashSet<>(gate.unitsByOrder().keySet());
            onlyAtGate.removeAll(sale.holdings().keySet());
            Set<String> onlyInSale = new HashSet<>(sale.holdings().keySet());
            onlyInSale.removeAll(gate.unitsByOrder().keySet());
            int drift = gate.remaining() == null ? sale.remaining() : Math.abs(gate.remaining() - sale.remaining());
            return new GateRepairReport(flashSaleId, gate.remaining() != null, gate.remaining(), sale.remaining(),
                    onlyAtGate.size(), onlyInSale.size(), drift);
        }
    }
}
