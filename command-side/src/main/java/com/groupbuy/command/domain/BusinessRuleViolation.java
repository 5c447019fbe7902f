package com.groupbuy.command.domain;

import com.groupbuy.contract.ErrorCode;

/** A command an aggregate refuses because a business rule forbids it. */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;

    public BusinessRuleViolation(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
