package com.groupbuy.query.sales;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SalesCsvTest {

    @Test
    void a_row_is_one_crlf_line_in_the_header_order() {
        StringWriter out = new StringWriter();

        SalesCsv.write(out, new SalesRow(Instant.parse("2026-03-01T10:00:00Z"), "TEA-1", "tea", 2, 3, 1400, 100,
                1500));

        assertThat(out.toString()).isEqualTo("2026-03-01T10:00:00Z,TEA-1,tea,2,3,1500,100,1400\r\n");
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_null_is_empty() {
        assertThat(SalesCsv.field("plain")).isEqualTo("plain");
        assertThat(SalesCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(SalesCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SalesCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(SalesCsv.field(null)).isEmpty();
    }

    @Test
    void a_field_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        assertThat(SalesCsv.field("=HYPERLINK(\"https://evil.example\",\"tea\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"tea\"\")\"");
        assertThat(SalesCsv.field("+1+1")).isEqualTo("'+1+1");
        assertThat(SalesCsv.field("-1+1")).isEqualTo("'-1+1");
        assertThat(SalesCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SalesCsv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(SalesCsv.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(SalesCsv.field("green-tea")).isEqualTo("green-tea");
    }
}
