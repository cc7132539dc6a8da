package org.expodesk.party.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.expodesk.platform.problem.ProblemException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded table, CSV or XLSX, told apart by content, never by name. CSV may be UTF-8
 * (with or without a byte order mark) or GB18030; the delimiter (comma, semicolon or tab) is
 * taken from the header line. XLSX is read as a stream of rows from its first sheet, so a big
 * sheet never sits in memory as a workbook.
 */
public final class ImportFile {

    public enum Format { CSV, XLSX }

    /** Receives each data row with its row number as a spreadsheet shows it (the header is row 1). */
    public interface RowSink {
        void row(int rowNo, List<String> cells);
    }

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 8192;

    static {
        // a zip bomb: a tiny file inflating to gigabytes; POI refuses entries inflating more than
        // 100 times or past 50 MB, and workbooks of more parts than a customer list ever has
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(200);
    }

    private ImportFile() {
    }

    /** The format by content: 415 for anything that is neither an XLSX workbook nor text. */
    public static Format detect(byte[] content) {
        if (content.length == 0) {
            throw ImportRefused.unprocessable("party_import_empty", "The file is empty.");
        }
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            if (hasEntry(content, "xl/workbook.xml")) {
                return Format.XLSX;
            }
            throw ImportRefused.unsupported("party_import_unsupported", "The file is a zip archive but not an Excel workbook (.xlsx).");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw ImportRefused.unsupported("party_import_legacyXls", "Legacy Excel files (.xls) are not supported: save the sheet as .xlsx or CSV.");
        }
        int n = Math.min(content.length, SNIFF);
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0C)) {
                throw ImportRefused.unsupported("party_import_unsupported", "The file is neither CSV text nor an Excel workbook (.xlsx).");
            }
        }
        return Format.CSV;
    }

    /** Reads the header and hands every following row to the sink; returns the header. */
    public static List<String> read(byte[] content, Format format, RowSink sink) {
        return read(content, format, sink, header -> { });
    }

    /** As {@link #read(byte[], Format, RowSink)}, telling {@code onHeader} the header before the first row. */
    public static List<String> read(byte[] content, Format format, RowSink sink, Consumer<List<String>> onHeader) {
        return format == Format.XLSX ? readXlsx(content, sink, onHeader) : readCsv(content, sink, onHeader);
    }

    /** The text of a CSV file: BOM, else strict UTF-8, else GB18030. */
    static String text(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return strict(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GB18030, content);
            } catch (CharacterCodingException notGb) {
                throw ImportRefused.invalid("party_import_encoding", "The text is neither UTF-8 nor GB18030.", null);
            }
        }
    }

    private static String strict(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    static char delimiter(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    private static List<String> readCsv(byte[] content, RowSink sink, Consumer<List<String>> onHeader) {
        String text = text(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<String> header = null;
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    throw ImportRefused.invalid("party_import_malformed", "The CSV is malformed near line " + line
                            + " (an unbalanced quote?).", (int) line);
                }
                List<String> cells = record.toList();
                if (header == null) {
                    header = cells;
                    onHeader.accept(header);
                } else if (!cells.stream().allMatch(String::isEmpty)) {
                    sink.row((int) record.getRecordNumber(), cells);
                }
            }
        } catch (IOException e) {
            throw ImportRefused.invalid("party_import_malformed", "The CSV could not be read.", 1);
        }
        if (header == null) {
            throw ImportRefused.unprocessable("party_import_empty", "The file is empty.");
        }
        return header;
    }

    private static List<String> readXlsx(byte[] content, RowSink sink, Consumer<List<String>> onHeader) {
        List<List<String>> header = new ArrayList<>();
        // opened from a file, the package inflates one part when it is read, not every part up front
        java.nio.file.Path file = null;
        try {
            file = java.nio.file.Files.createTempFile("expodesk-import-", ".xlsx");
            java.nio.file.Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ImportRefused.unprocessable("party_import_empty", "The workbook has no sheet.");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Rows(header, sink, onHeader), new DataFormatter(java.util.Locale.ROOT), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (SinkFailure e) {
            throw e.failure;
        } catch (Exception e) {
            // also POI's refusal of a zip bomb, and a damaged workbook
            throw ImportRefused.invalid("party_import_badWorkbook", "The workbook could not be read.", null);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
        if (header.isEmpty()) {
            throw ImportRefused.unprocessable("party_import_empty", "The file is empty.");
        }
        return header.get(0);
    }

    /** What the receiver of rows threw, carried through the XML parser untouched. */
    private static final class SinkFailure extends RuntimeException {
        private final RuntimeException failure;

        SinkFailure(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** Collects one sheet row's cells by column (blank cells are absent from the XML). */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> header;
        private final RowSink sink;
        private final Consumer<List<String>> onHeader;
        private final List<String> cells = new ArrayList<>();

        Rows(List<List<String>> header, RowSink sink, Consumer<List<String>> onHeader) {
            this.header = header;
            this.sink = sink;
            this.onHeader = onHeader;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            List<String> row = cells.stream().map(c -> c == null ? "" : c.trim()).toList();
            if (header.isEmpty()) {
                header.add(row);
                onHeader.accept(row);
            } else {
                try {
                    sink.row(rowNum + 1, row);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            if (col > 1000) {
                return;
            }
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, value);
        }
    }

    private static boolean hasEntry(byte[] content, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 1000) {
                if (name.equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
