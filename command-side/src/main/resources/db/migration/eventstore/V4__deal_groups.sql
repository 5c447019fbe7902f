-- The deal-cancellation process's memory, written in the same transaction as its token: the open groups of each
-- deal, and the deals that were cancelled (a group that opens after its deal's cancellation fails at once).
CREATE TABLE deal_open_group (
    group_buy_id VARCHAR(64) NOT NULL,
    group_id     VARCHAR(64) NOT NULL,
    PRIMARY KEY (group_buy_id, group_id)
);

CREATE TABLE deal_cancelled (
    group_buy_id VARCHAR(64) PRIMARY KEY
);
