package com.groupbuy.command.domain;

import com.groupbuy.contract.ErrorCode;

/**
 * A command an aggregate refuses because a business rule forbids it. An expected outcome, not a fault: it carries
 * no stack trace (a crowd's refusals would otherwise spend their time filling in stack traces nobody reads).
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;

    public BusinessRuleViolation(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
