package org.expodesk.party.imports;

import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer imports: a file is checked whole before anything is stored (size, type by content,
 * encoding, well-formed CSV, required columns), kept with its mapping, checked row by row on
 * request, then imported by {@link ImportJobs} in the background.
 */
@ApplicationScoped
@Transactional
public class Imports {

    static final int PREVIEW_ROWS = 10;

    @Inject
    Mappings mappings;

    @Inject
    Clock clock;

    @Inject
    Event<ImportQueued> queued;

    @ConfigProperty(name = "expodesk.import.max-size", defaultValue = "10M")
    MemorySize maxSize;

    /** The header, the first rows and how many there are. */
    public record Sheet(List<String> header, List<List<String>> firstRows, int rows) {
    }

    /** A row's problem in a report: the sheet row, the header of the column (if one), the message key. */
    public record RowProblem(int row, String column, String field, String message) {
    }

    /** Checks the file and keeps it for the wizard, with the mapping guessed from headers and the source's saved one. */
    public ImportRun upload(byte[] content, String fileName, ImportKind kind, String source, String by) {
        ImportFile.Format format = accept(content);
        Sheet sheet = sheet(content, format);
        return store(content, fileName, kind, source, by, format, sheet,
                mappings.guess(kind, sheet.header(), source), ImportRun.Status.UPLOADED);
    }

    /**
     * The API's way: the file is checked and, when its columns are field names (or the named saved
     * mapping covers them), imported at once; else 422 naming what is missing.
     */
    public ImportRun uploadAndStart(byte[] content, String fileName, ImportKind kind, String source, String mappingName,
                                    String by) {
        ImportRun run = queue(content, fileName, kind, source, mappingName, by);
        queued.fire(new ImportQueued(run.id));
        return run;
    }

    /** As {@link #uploadAndStart} without handing the run to the background: the caller runs it. */
    ImportRun queue(byte[] content, String fileName, ImportKind kind, String source, String mappingName, String by) {
        ImportFile.Format format = accept(content);
        Sheet sheet = sheet(content, format);
        Map<String, String> mapping;
        if (mappingName != null && !mappingName.isBlank()) {
            if (mappings.saved(kind, mappingName).isEmpty()) {
                throw ProblemException.invalid("mapping", "party_import_mappingUnknown");
            }
            mapping = mappings.guess(kind, sheet.header(), mappingName);
        } else {
            mapping = mappings.guess(kind, sheet.header(), null);
        }
        requireColumns(kind, mapping);
        return store(content, fileName, kind, source != null && !source.isBlank() ? source : mappingName, by,
                format, sheet, mapping, ImportRun.Status.QUEUED);
    }

    /** Size, then type by content, then the whole file read once: refusals before anything is written. */
    private ImportFile.Format accept(byte[] content) {
        if (content == null || content.length == 0) {
            throw ImportRefused.unprocessable("party_import_empty", "The file is empty.");
        }
        requireSize(content.length);
        return ImportFile.detect(content);
    }

    /** 413 for a file over the configured size. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireSize(long bytes) {
        if (bytes > maxSize.asLongValue()) {
            throw ImportRefused.tooLarge("The file is larger than " + maxSize.asLongValue() / 1024 + " KB.");
        }
    }

    private static Sheet sheet(byte[] content, ImportFile.Format format) {
        List<List<String>> first = new ArrayList<>();
        int[] count = new int[1];
        List<String> header = ImportFile.read(content, format, (rowNo, cells) -> {
            if (count[0]++ < PREVIEW_ROWS) {
                first.add(cells);
            }
        });
        if (header.stream().allMatch(String::isBlank)) {
            throw ImportRefused.unprocessable("party_import_empty", "The file has no header row.");
        }
        return new Sheet(header, first, count[0]);
    }

    private ImportRun store(byte[] content, String fileName, ImportKind kind, String source, String by,
                            ImportFile.Format format, Sheet sheet, Map<String, String> mapping, ImportRun.Status status) {
        ImportRun run = new ImportRun();
        run.kind = kind;
        run.source = source == null || source.isBlank() ? null : cut(source.trim(), 100);
        run.fileName = fileName == null || fileName.isBlank() ? "upload" : cut(fileName, 255);
        run.format = format;
        run.content = content;
        run.mapping = mappings.write(mapping);
        run.status = status;
        run.totalRows = sheet.rows();
        run.startedBy = by;
        run.createdAt = Instant.now(clock);
        run.updatedAt = run.createdAt;
        run.persist();
        return run;
    }

    private static void requireColumns(ImportKind kind, Map<String, String> mapping) {
        if (!kind.hasRequired(mapping.values())) {
            throw ImportRefused.unprocessable("party_import_missingColumns",
                    "The file has no column for " + kind.requiredLabel() + ".");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportRun get(long id) {
        ImportRun run = ImportRun.findById(id);
        if (run == null) {
            throw ProblemException.notFound("Import");
        }
        return run;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportRun> recent() {
        return ImportRun.<ImportRun>findAll(Sort.descending("id")).page(0, 50).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> mapping(ImportRun run) {
        return mappings.read(run.mapping);
    }

    /** The file's header and first rows, while the wizard still has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Sheet sheet(ImportRun run) {
        requireWaiting(run);
        return sheet(run.content, run.format);
    }

    /** The user's choice of target field per header; saved for the source on request. */
    public ImportRun map(long id, Map<String, String> mapping, boolean saveForSource) {
        ImportRun run = get(id);
        requireWaiting(run);
        Map<String, String> clean = new LinkedHashMap<>();
        mapping.forEach((header, field) -> {
            if (field != null && !field.isBlank() && !run.kind.fields().contains(field)) {
                throw ProblemException.invalid(header, "party_import_fieldUnknown");
            }
            clean.put(Mappings.key(header), field == null ? "" : field);
        });
        run.mapping = mappings.write(clean);
        if (saveForSource) {
            if (run.source == null) {
                throw ProblemException.invalid("source", "party_import_sourceRequired");
            }
            mappings.save(run.kind, run.source, clean);
        }
        return run;
    }

    /** Every row's problems under the current mapping; nothing is written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RowProblem> check(long id, int limit) {
        ImportRun run = get(id);
        requireWaiting(run);
        Map<String, String> mapping = mappings.read(run.mapping);
        List<RowProblem> problems = new ArrayList<>();
        List<String>[] headerRef = new List[1];
        String[][] columns = new String[1][];
        List<String> header = ImportFile.read(run.content, run.format, (rowNo, cells) -> {
            if (problems.size() >= limit) {
                return;
            }
            MappedRow row = MappedRow.of(run.kind, rowNo, cells, columns[0]);
            for (FieldError e : row.errors()) {
                problems.add(new RowProblem(rowNo, headerOf(headerRef[0], columns[0], e.field()), e.field(), e.message()));
            }
        }, h -> {
            headerRef[0] = h;
            columns[0] = Mappings.columns(run.kind, h, mapping);
        });
        requireColumns(run.kind, mapping);
        return problems;
    }

    private static String headerOf(List<String> header, String[] columns, String field) {
        for (int i = 0; i < columns.length; i++) {
            if (field.equals(columns[i])) {
                return header.get(i);
            }
        }
        return field.equals("familyName") && header != null ? headerForFullName(header, columns) : field;
    }

    private static String headerForFullName(List<String> header, String[] columns) {
        for (int i = 0; i < columns.length; i++) {
            if ("fullName".equals(columns[i])) {
                return header.get(i);
            }
        }
        return "familyName";
    }

    /** Starts the import of an uploaded file with its mapping. */
    public ImportRun start(long id) {
        ImportRun run = get(id);
        requireWaiting(run);
        requireColumns(run.kind, mappings.read(run.mapping));
        run.status = ImportRun.Status.QUEUED;
        run.updatedAt = Instant.now(clock);
        queued.fire(new ImportQueued(run.id));
        return run;
    }

    /** The row report: before the start the check of every row, afterwards the rows the run could not take. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RowProblem> report(long id, int limit) {
        ImportRun run = get(id);
        if (run.status == ImportRun.Status.UPLOADED) {
            return check(id, limit);
        }
        return errors(id, limit).stream().map(e -> new RowProblem(e.rowNo, e.field, e.field, e.message)).toList();
    }

    /** The report as CSV for a spreadsheet: row, column, message in the reader's language. */
    public static String csv(List<RowProblem> problems, java.util.Locale locale) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(org.expodesk.party.CsvExport.row(List.of(
                org.expodesk.web.i18n.Messages.text(locale, "party_import_row"),
                org.expodesk.web.i18n.Messages.text(locale, "party_import_column"),
                org.expodesk.web.i18n.Messages.text(locale, "party_import_message"))));
        for (RowProblem p : problems) {
            csv.append(org.expodesk.party.CsvExport.row(java.util.Arrays.asList(p.row(), p.column(),
                    text(locale, p.message()))));
        }
        return csv.toString();
    }

    /** A message key in the reader's language; plain text as it is. */
    public static String text(java.util.Locale locale, String message) {
        return org.expodesk.web.i18n.Messages.has(message) ? org.expodesk.web.i18n.Messages.text(locale, message) : message;
    }

    /** The rows a run could not take, in row order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportRowError> errors(long id, int limit) {
        return ImportRowError.<ImportRowError>find("importId", Sort.ascending("rowNo", "id"), id).page(0, limit).list();
    }

    private static void requireWaiting(ImportRun run) {
        if (run.status != ImportRun.Status.UPLOADED) {
            throw ProblemException.conflict("party_import_alreadyStarted");
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
