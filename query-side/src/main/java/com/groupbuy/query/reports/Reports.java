package com.groupbuy.query.reports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the analysts' reports on the read model in PostgreSQL. */
@Component
class Reports {

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReportTable run(AnalystReport report, ReportRange range) {
        List<Map<String, Object>> rows = jdbc.sql(report.sql())
                .param("from", Timestamp.from(range.from()))
                .param("to", Timestamp.from(range.to()))
                .param("zone", range.zone().getId())
                .query((rs, row) -> row(report, rs))
                .list();
        return new ReportTable(report.path(), range.from(), range.to(), range.zone().getId(), report.columns(), rows);
    }

    private static Map<String, Object> row(AnalystReport report, ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : report.columns()) {
            Object value = rs.getObject(column);
            row.put(column, value instanceof BigDecimal number ? number.longValueExact() : value);
        }
        return row;
    }
}
