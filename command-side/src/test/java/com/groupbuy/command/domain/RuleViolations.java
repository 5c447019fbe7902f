package com.groupbuy.command.domain;

import com.groupbuy.contract.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link BusinessRuleViolation} with a given code, for Axon's fixtures. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static Matcher<BusinessRuleViolation> violationOf(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation violation) {
                return violation.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a business rule violation with code " + code);
            }
        };
    }
}
