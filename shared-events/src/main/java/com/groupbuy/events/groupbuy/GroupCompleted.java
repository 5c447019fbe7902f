package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** The group reached its size in paid members before its window closed: the group price holds for every order. */
@SchemaVersion(1)
public record GroupCompleted(String groupId, String groupBuyId, List<String> orderIds) implements GroupEvent {
}
