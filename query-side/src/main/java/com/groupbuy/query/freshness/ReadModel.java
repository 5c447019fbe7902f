package com.groupbuy.query.freshness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projections whose read models a controller (or one of its methods) answers from. Its answers then say how
 * fresh they are, in the {@code X-Read-Model-*} headers (see {@link FreshnessHeaders}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadModel {

    /** Projection names, as in {@code projection_position} (e.g. {@code orders}). */
    String[] value();
}
