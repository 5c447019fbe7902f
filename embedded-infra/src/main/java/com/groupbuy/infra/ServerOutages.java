package com.groupbuy.infra;

/**
 * Stops a server of the infrastructure and starts it again, as an outage or a maintenance restart would: for fault
 * tests of the processes that use it. A stopped server keeps its address; PostgreSQL and Kafka keep their data,
 * Redis (which persists nothing) comes back empty.
 */
public interface ServerOutages {

    enum Server { KAFKA, POSTGRESQL, REDIS }

    /** Stops the server (gracefully, as its operator would) and returns once it has exited. */
    void stop(Server server);

    /** Starts the stopped server again and returns once it serves. */
    void startAgain(Server server);
}
