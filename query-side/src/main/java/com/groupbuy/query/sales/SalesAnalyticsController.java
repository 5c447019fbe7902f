package com.groupbuy.query.sales;

import com.groupbuy.query.freshness.ReadModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Paid sales per bucket and SKU, for analysts: as JSON, one page at a time, or the whole range as CSV
 * ({@code Accept: text/csv} or {@code ?format=csv}), streamed.
 */
@ReadModel("sales")
@RestController
@PreAuthorize("hasRole('ANALYST')")
class SalesAnalyticsController {

    static final String TEXT_CSV = "text/csv";
    private static final String PATH = "/api/v1/analytics/sales";

    private final SalesAnalytics sales;

    SalesAnalyticsController(SalesAnalytics sales) {
        this.sales = sales;
    }

    @GetMapping(PATH)
    SalesReport sales(@RequestParam(required = false) @Size(max = 40) String from,
                      @RequestParam(required = false) @Size(max = 40) String to,
                      @RequestParam(required = false) @Size(max = 8) String bucket,
                      @RequestParam(required = false) @Size(max = 64) String sku,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int size) {
        SalesQuery query = SalesQuery.of(from, to, bucket, sku);
        List<SalesRow> rows = sales.report(query, page * size, size + 1);
        boolean more = rows.size() > size;
        return SalesReport.of(query, more ? rows.subList(0, size) : rows, page, size, more);
    }

    @GetMapping(value = PATH, produces = TEXT_CSV)
    ResponseEntity<StreamingResponseBody> salesCsv(@RequestParam(required = false) @Size(max = 40) String from,
                                                   @RequestParam(required = false) @Size(max = 40) String to,
                                                   @RequestParam(required = false) @Size(max = 8) String bucket,
                                                   @RequestParam(required = false) @Size(max = 64) String sku) {
        SalesQuery query = SalesQuery.of(from, to, bucket, sku);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(SalesCsv.HEADER);
            sales.stream(query, row -> SalesCsv.write(writer, row));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"sales-by-" + query.bucket().sqlUnit() + ".csv\"")
                .body(body);
    }

    @GetMapping(value = PATH, params = "format=csv")
    ResponseEntity<StreamingResponseBody> salesCsvByParameter(
            @RequestParam(required = false) @Size(max = 40) String from,
            @RequestParam(required = false) @Size(max = 40) String to,
            @RequestParam(required = false) @Size(max = 8) String bucket,
            @RequestParam(required = false) @Size(max = 64) String sku) {
        return salesCsv(from, to, bucket, sku);
    }
}
