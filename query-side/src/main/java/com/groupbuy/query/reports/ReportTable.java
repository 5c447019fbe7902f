package com.groupbuy.query.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A report's answer: what it counted and its rows, each a map in the order of {@code columns}. */
record ReportTable(String report, Instant from, Instant to, String timeZone, List<String> columns,
                   List<Map<String, Object>> rows) {
}
