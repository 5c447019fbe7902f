package com.groupbuy.command.flashsale.gate;

/** The gate is rebuilding a sale's state from the sale's events; the purchase may be sent again in a moment. */
public class GateSyncingException extends RuntimeException {

    public GateSyncingException(String flashSaleId) {
        super(messageFor(flashSaleId));
    }

    public static String messageFor(String flashSaleId) {
        return "flash sale " + flashSaleId + " is being synchronised; retry in a moment";
    }
}
