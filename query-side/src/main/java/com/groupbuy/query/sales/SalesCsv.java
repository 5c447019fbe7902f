package com.groupbuy.query.sales;

import com.groupbuy.query.web.Csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The sales report as RFC 4180 CSV: a header line, then one line per bucket and SKU, CRLF line ends. */
final class SalesCsv {

    static final String HEADER =
            "bucket_start,sku,category,orders,units,gross_cents,discount_cents,revenue_cents\r\n";

    private SalesCsv() {
    }

    static void write(Writer out, SalesRow row) {
        try {
            out.write(row.bucketStart().toString());
            out.write(',');
            out.write(Csv.field(row.sku()));
            out.write(',');
            out.write(Csv.field(row.category()));
            out.write(',' + Long.toString(row.orders()) + ',' + row.units() + ',' + row.grossCents() + ','
                    + row.discountCents() + ',' + row.revenueCents() + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
