package org.expodesk.party.export;

/**
 * Text that spreadsheets keep as text: a cell starting with = + - @, a tab or a carriage return
 * would be taken for a formula (CSV injection), so it gets an apostrophe in front.
 */
public final class SafeCells {

    private SafeCells() {
    }

    public static String text(Object value) {
        String text = String.valueOf(value);
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
