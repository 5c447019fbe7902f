-- Runs once, when the PostgreSQL volume is new: one database for the event store (api, worker), one for the read
-- models (projections, query-side), both owned by the compose user.
CREATE DATABASE eventstore OWNER groupbuy;
CREATE DATABASE readmodel OWNER groupbuy;
