package com.groupbuy.projections.maintenance;

import java.util.List;

/**
 * A projection whose read model is a set of PostgreSQL tables that only it writes. It can be rebuilt from Kafka
 * into shadow copies of those tables and swapped in; its checksum covers them. Its SQL must name the tables
 * unqualified (the rebuild points {@code search_path} at the shadow schema).
 */
public interface PostgresReadModel {

    List<String> tables();
}
