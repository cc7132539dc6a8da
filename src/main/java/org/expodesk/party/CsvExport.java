package org.expodesk.party;

import java.util.List;

/**
 * CSV that spreadsheets open safely: every cell quoted, and a cell that a spreadsheet would take
 * for a formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe,
 * so a name like "=HYPERLINK(…)" stays text.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "\"\"";
        }
        String text = org.expodesk.party.export.SafeCells.text(value);
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
