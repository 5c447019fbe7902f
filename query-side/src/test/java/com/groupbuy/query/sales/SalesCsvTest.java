package com.groupbuy.query.sales;

import com.groupbuy.query.web.Csv;
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
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void a_field_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        assertThat(Csv.field("=HYPERLINK(\"https://evil.example\",\"tea\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"tea\"\")\"");
        assertThat(Csv.field("+1+1")).isEqualTo("'+1+1");
        assertThat(Csv.field("-1+1")).isEqualTo("'-1+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.field("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.field("green-tea")).isEqualTo("green-tea");
    }
}
