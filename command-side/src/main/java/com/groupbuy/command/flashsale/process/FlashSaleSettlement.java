package com.groupbuy.command.flashsale.process;

import com.groupbuy.command.product.model.ReturnStock;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Gives the product what a flash sale did not sell: the units left when it ends, and units orders give back after
 * that. The sale states everything it has returned so far, so the product counts each unit once however often
 * this runs.
 */
@ProcessingGroup(FlashSaleSettlement.PROCESSING_GROUP)
public class FlashSaleSettlement {

    public static final String PROCESSING_GROUP = "flash-sale-settlement";

    private final CommandGateway commands;

    public FlashSaleSettlement(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(FlashSaleEnded event) {
        returnToProduct(event.sku(), event.flashSaleId(), event.returnedToProduct());
    }

    @EventHandler
    void on(FlashSaleUnitsReturned event) {
        returnToProduct(event.sku(), event.flashSaleId(), event.returnedToProduct());
    }

    private void returnToProduct(String sku, String flashSaleId, int returnedInAll) {
        if (returnedInAll > 0) {
            commands.sendAndWait(new ReturnStock(sku, flashSaleId, returnedInAll));
        }
    }
}
