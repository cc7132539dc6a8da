package org.expodesk.party.export;

/**
 * Text that spreadsheets keep as text: a cell starting with = + - @ (or their full-width forms,
 * which some spreadsheets fold), a tab or a carriage return would be taken for a formula (CSV
 * injection). In CSV it gets an apostrophe in front; in XLSX the cell is marked quote-prefixed,
 * which keeps the text as it is.
 */
public final class SafeCells {

    private SafeCells() {
    }

    public static String text(Object value) {
        String text = String.valueOf(value);
        return looksLikeFormula(text) ? "'" + text : text;
    }

    public static boolean looksLikeFormula(String text) {
        String start = text.stripLeading();
        return !text.isEmpty() && ("=+-@\t\r".indexOf(text.charAt(0)) >= 0
                || !start.isEmpty() && "=+-@＝＋－＠".indexOf(start.charAt(0)) >= 0);
    }
}
