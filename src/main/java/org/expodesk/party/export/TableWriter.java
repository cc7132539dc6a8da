package org.expodesk.party.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a table to a file as CSV (UTF-8 with a byte order mark, so that Excel reads Chinese
 * right; every cell quoted) or XLSX (streamed: only a window of rows is in memory). A text cell
 * a spreadsheet would take for a formula is prefixed with an apostrophe in both formats.
 */
public final class TableWriter implements AutoCloseable {

    public enum Format {
        CSV("csv", "text/csv; charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    private static final int ROWS_IN_MEMORY = 200;

    private final CSVPrinter csv;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final Path file;
    private int rows;
    private CellStyle quotePrefixed;

    public TableWriter(Format format, Path file, String sheetName, List<String> header) {
        this.file = file;
        try {
            if (format == Format.CSV) {
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out.write('\uFEFF');
                csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).get());
                workbook = null;
                sheet = null;
            } else {
                csv = null;
                workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
                sheet = workbook.createSheet(sheetName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(header, true);
    }

    /** Appends one data row. */
    public void row(List<?> cells) {
        write(cells, false);
        rows++;
    }

    /** Data rows written so far. */
    public int rows() {
        return rows;
    }

    private void write(List<?> cells, boolean header) {
        try {
            if (csv != null) {
                csv.printRecord(cells.stream().map(c -> c == null ? "" : SafeCells.text(c)).toList());
                return;
            }
            Row row = sheet.createRow(header ? 0 : rows + 1);
            CellStyle bold = header ? boldStyle() : null;
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number n && !header) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    // the text exactly as stored (a phone "+49 …" stays itself); a formula-looking one is
                    // marked quote-prefixed, so editing the cell in a spreadsheet does not make it a formula
                    String text = String.valueOf(value);
                    cell.setCellValue(text);
                    if (!header && SafeCells.looksLikeFormula(text)) {
                        cell.setCellStyle(quotePrefixed());
                    }
                }
                if (bold != null) {
                    cell.setCellStyle(bold);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CellStyle quotePrefixed() {
        if (quotePrefixed == null) {
            quotePrefixed = workbook.createCellStyle();
            quotePrefixed.setQuotePrefixed(true);
        }
        return quotePrefixed;
    }

    private CellStyle boldStyle() {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.close(true);
            } else {
                try (OutputStream out = Files.newOutputStream(file)) {
                    workbook.write(out);
                } finally {
                    workbook.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
