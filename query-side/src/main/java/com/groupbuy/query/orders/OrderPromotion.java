package com.groupbuy.query.orders;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The promotion an order was placed under, null for a regular order: a flash sale ({@code FLASH_SALE}, the sale's
 * id) or a group buy ({@code GROUP_BUY}, the deal's id and the group's). For a group order, where the group stands:
 * a paid member of an {@code OPEN} group waits for {@code groupSize - paidMembers} more payments.
 */
record OrderPromotion(String kind, String promotionId, String groupId, String groupStatus, Integer groupSize,
                      Integer paidMembers) {

    /** The columns {@code promotion_kind}, {@code promotion_id}, {@code group_id} and, joined, the group's. */
    static OrderPromotion of(ResultSet row) throws SQLException {
        String kind = row.getString("promotion_kind");
        if (kind == null) {
            return null;
        }
        return new OrderPromotion(kind, row.getString("promotion_id"), row.getString("group_id"),
                row.getString("group_status"), row.getObject("group_size", Integer.class),
                row.getObject("group_paid_members", Integer.class));
    }

    /** The join that brings the group's columns, aliased as {@link #of} reads them. */
    static final String GROUP_COLUMNS = "g.status AS group_status, g.group_size, g.paid_members AS group_paid_members";
    static final String GROUP_JOIN = "LEFT JOIN group_buy_group g ON g.group_id = o.group_id";
}
