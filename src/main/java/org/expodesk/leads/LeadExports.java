package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.party.export.Exports;
import org.expodesk.party.export.TableWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An exhibitor's leads of an edition as CSV, XLSX or vCard. Every format follows the consent as
 * the page does: a visitor without it is a badge id and a category, and has no vCard at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LeadExports {

    static final List<String> COLUMNS = List.of("lead", "badge", "category", "consent", "name", "organization",
            "jobTitle", "email", "phone", "rating", "tags", "notes", "firstScannedAt", "lastScannedAt", "scannedBy");

    @Inject
    Leads leads;

    @Inject
    LeadViews views;

    @Inject
    LeadQuestions questions;

    @Inject
    AuditLog audit;

    /** CSV or XLSX, one row per lead, a column per qualifying question after the fixed ones. */
    public Exports.ExportFile table(long organizationId, long exhibitionId, TableWriter.Format format) {
        List<LeadView> rows = views.of(leads.of(organizationId, exhibitionId));
        List<LeadQuestion> asked = questions.of(organizationId, exhibitionId);
        List<String> header = new ArrayList<>(COLUMNS);
        asked.forEach(q -> header.add(q.label));
        Path file = tempFile(format.extension);
        int written;
        try (TableWriter out = new TableWriter(format, file, "leads", header)) {
            for (LeadView l : rows) {
                List<Object> cells = new ArrayList<>(Arrays.asList(l.id(), l.badgeId(), l.category(),
                        l.consent() ? "yes" : "no", l.name(), l.organization(), l.jobTitle(), l.email(), l.phone(),
                        l.ratingName(), l.tags(), l.notes(), String.valueOf(l.firstScannedAt()),
                        String.valueOf(l.lastScannedAt()), l.scannedBy()));
                for (LeadQuestion q : asked) {
                    cells.add(l.answers().stream().filter(a -> a.questionId() == q.id).map(LeadView.Answer::answer)
                            .findFirst().orElse(null));
                }
                out.row(cells);
            }
            written = out.rows();
        } catch (RuntimeException e) {
            Exports.delete(file);
            throw e;
        }
        audit.record(AuditAction.EXPORT, "Lead", null, format + ", leads of organization " + organizationId
                + " at exhibition " + exhibitionId + ", rows=" + written);
        return new Exports.ExportFile(file, "leads-" + exhibitionId + "." + format.extension, format, written);
    }

    /** vCards (3.0) of the visitors who consented; the others are left out. */
    public String vcards(long organizationId, long exhibitionId) {
        StringBuilder out = new StringBuilder();
        int cards = 0;
        for (LeadView l : views.of(leads.of(organizationId, exhibitionId))) {
            if (!l.consent() || l.name() == null) {
                continue;
            }
            out.append("BEGIN:VCARD\r\nVERSION:3.0\r\n");
            out.append("FN:").append(escape(l.name())).append("\r\n");
            out.append("N:").append(escape(l.name())).append(";;;;\r\n");
            line(out, "ORG", l.organization());
            line(out, "TITLE", l.jobTitle());
            line(out, "EMAIL;TYPE=INTERNET", l.email());
            line(out, "TEL;TYPE=WORK", l.phone());
            line(out, "CATEGORIES", l.tags());
            out.append("END:VCARD\r\n");
            cards++;
        }
        audit.record(AuditAction.EXPORT, "Lead", null, "VCARD, leads of organization " + organizationId
                + " at exhibition " + exhibitionId + ", rows=" + cards);
        return out.toString();
    }

    public static byte[] bytes(String vcards) {
        return vcards.getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(name).append(':').append(escape(value)).append("\r\n");
        }
    }

    /** RFC 2426 text: backslash, comma, semicolon and line breaks escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private static Path tempFile(String extension) {
        try {
            return Files.createTempFile("expodesk-leads-", "." + extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
