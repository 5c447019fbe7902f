package com.groupbuy.query.reports;

import com.groupbuy.platform.web.ApiException;
import com.groupbuy.query.freshness.ReadModel;
import com.groupbuy.query.web.Csv;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analysts' reports ({@link AnalystReport}): as JSON, or as CSV with {@code Accept: text/csv} or
 * {@code ?format=csv}.
 */
@ReadModel({"orders", "coupons"})
@RestController
@PreAuthorize("hasRole('ANALYST')")
class ReportsController {

    private static final String PATH = "/api/v1/analytics/reports/{report}";

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping(PATH)
    ReportTable report(@PathVariable @Size(max = 40) String report,
                       @RequestParam(required = false) @Size(max = 40) String from,
                       @RequestParam(required = false) @Size(max = 40) String to,
                       @RequestParam(required = false) @Size(max = 64) String tz) {
        return reports.run(named(report), ReportRange.of(from, to, tz));
    }

    @GetMapping(value = PATH, produces = "text/csv")
    ResponseEntity<String> reportCsv(@PathVariable @Size(max = 40) String report,
                                     @RequestParam(required = false) @Size(max = 40) String from,
                                     @RequestParam(required = false) @Size(max = 40) String to,
                                     @RequestParam(required = false) @Size(max = 64) String tz) {
        ReportTable table = report(report, from, to, tz);
        StringBuilder csv = new StringBuilder(String.join(",", table.columns())).append("\r\n");
        for (Map<String, Object> row : table.rows()) {
            csv.append(row.values().stream().map(value -> value instanceof String text ? Csv.field(text)
                    : value == null ? "" : value.toString()).collect(Collectors.joining(","))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.report() + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping(value = PATH, params = "format=csv")
    ResponseEntity<String> reportCsvByParameter(@PathVariable @Size(max = 40) String report,
                                                @RequestParam(required = false) @Size(max = 40) String from,
                                                @RequestParam(required = false) @Size(max = 40) String to,
                                                @RequestParam(required = false) @Size(max = 64) String tz) {
        return reportCsv(report, from, to, tz);
    }

    private static AnalystReport named(String report) {
        return AnalystReport.named(report).orElseThrow(() -> ApiException.notFound("No report " + report
                + "; reports: " + Arrays.stream(AnalystReport.values()).map(AnalystReport::path)
                .collect(Collectors.joining(", "))));
    }
}
