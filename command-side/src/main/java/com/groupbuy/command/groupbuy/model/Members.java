package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A group's members by order, in the order they joined, and who of them has paid. */
final class Members {

    record Member(String userId, boolean paid) {
    }

    private final Map<String, Member> byOrder = new LinkedHashMap<>();

    Optional<String> orderOf(String userId) {
        return byOrder.entrySet().stream().filter(e -> e.getValue().userId().equals(userId))
                .map(Map.Entry::getKey).findFirst();
    }

    Optional<Member> byOrder(String orderId) {
        return Optional.ofNullable(byOrder.get(orderId));
    }

    /** The membership rule: one place per customer, and no more members than the group's size. */
    void requireRoomFor(String userId, int groupSize) {
        if (orderOf(userId).isPresent()) {
            throw new BusinessRuleViolation(ErrorCode.ALREADY_MEMBER, "you are a member of this group already");
        }
        if (byOrder.size() >= groupSize) {
            throw new BusinessRuleViolation(ErrorCode.GROUP_FULL, "the group has its " + groupSize + " members");
        }
    }

    int count() {
        return byOrder.size();
    }

    int paid() {
        return (int) byOrder.values().stream().filter(Member::paid).count();
    }

    List<String> orders() {
        return List.copyOf(byOrder.keySet());
    }

    List<String> orders(boolean paid) {
        return byOrder.entrySet().stream().filter(e -> e.getValue().paid() == paid).map(Map.Entry::getKey).toList();
    }

    void join(String orderId, String userId) {
        byOrder.put(orderId, new Member(userId, false));
    }

    void paid(String orderId) {
        byOrder.computeIfPresent(orderId, (id, member) -> new Member(member.userId(), true));
    }

    void leave(String orderId) {
        byOrder.remove(orderId);
    }
}
