package com.groupbuy.query.web;

/** Cells of the CSV the analytics answer (RFC 4180). */
public final class Csv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    /**
     * Quoted when it holds a comma, a quote or a line break; quotes doubled. Null is empty. A value a spreadsheet
     * would run as a formula ({@code =HYPERLINK(…)} as a category) starts with a single quote, so it stays text
     * (OWASP's advice against CSV injection).
     */
    public static String field(String value) {
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
