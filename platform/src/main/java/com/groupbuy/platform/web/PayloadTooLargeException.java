package com.groupbuy.platform.web;

class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
    }
}
