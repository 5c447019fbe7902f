package com.groupbuy.query.sales;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The sales report as RFC 4180 CSV: a header line, then one line per bucket and SKU, CRLF line ends. */
final class SalesCsv {

    static final String HEADER =
            "bucket_start,sku,category,orders,units,gross_cents,discount_cents,revenue_cents\r\n";

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SalesCsv() {
    }

    static void write(Writer out, SalesRow row) {
        try {
            out.write(row.bucketStart().toString());
            out.write(',');
            out.write(field(row.sku()));
            out.write(',');
            out.write(field(row.category()));
            out.write(',' + Long.toString(row.orders()) + ',' + row.units() + ',' + row.grossCents() + ','
                    + row.discountCents() + ',' + row.revenueCents() + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Quoted when it holds a comma, a quote or a line break; quotes doubled. Null is empty. A value a spreadsheet
     * would run as a formula ({@code =HYPERLINK(…)} as a category) starts with a single quote, so it stays text
     * (OWASP's advice against CSV injection).
     */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
