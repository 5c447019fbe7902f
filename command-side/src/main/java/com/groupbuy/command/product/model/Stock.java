package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;

/** Units on hand and the part of them held for orders; what is left is available to sell. */
record Stock(int onHand, int reserved) {

    static Stock initially(int onHand) {
        if (onHand < 0) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "initial stock cannot be negative");
        }
        return new Stock(onHand, 0);
    }

    /** Stock on hand may move either way but never below what orders already hold. */
    Stock adjustedBy(int delta) {
        long after = (long) onHand + delta;
        if (after < reserved) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK,
                    "stock cannot go below the " + reserved + " units held for orders (on hand " + onHand + ")");
        }
        if (after > Integer.MAX_VALUE) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "stock on hand would overflow");
        }
        return new Stock((int) after, reserved);
    }

    /** All of {@code quantity} or nothing: a reservation never takes stock below zero. */
    Stock reserving(int quantity) {
        if (quantity <= 0) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "quantity must be positive");
        }
        if (quantity > available()) {
            throw new BusinessRuleViolation(ErrorCode.SOLD_OUT,
                    "only " + available() + " units available, " + quantity + " asked");
        }
        return holding(quantity);
    }

    /** Units leave the stock on hand for a promotion; only units nobody holds can go. */
    Stock settingAside(int quantity) {
        if (quantity <= 0) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "quantity must be positive");
        }
        if (quantity > available()) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK,
                    "only " + available() + " units available, " + quantity + " asked");
        }
        return new Stock(onHand - quantity, reserved);
    }

    Stock returning(int quantity) {
        return new Stock(onHand + quantity, reserved);
    }

    Stock holding(int quantity) {
        return new Stock(onHand, reserved + quantity);
    }

    Stock releasing(int quantity) {
        return new Stock(onHand, reserved - quantity);
    }

    Stock selling(int quantity) {
        return new Stock(onHand - quantity, reserved - quantity);
    }

    int available() {
        return onHand - reserved;
    }
}
