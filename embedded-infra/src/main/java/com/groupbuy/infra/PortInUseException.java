package com.groupbuy.infra;

final class PortInUseException extends Exception {

    PortInUseException(String message) {
        super(message);
    }
}
