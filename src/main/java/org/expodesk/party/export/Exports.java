package org.expodesk.party.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.category.OrganizationCategories;
import org.expodesk.party.segment.SegmentKind;
import org.expodesk.party.segment.Segments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exports of organizations and people, each a list of a segment's members (a list page's filters
 * are a segment too), written batch by batch to a temporary file so that memory stays flat, and
 * audited with who, what and how many rows.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Exports {

    private static final int BATCH = 500;

    static final List<String> ORGANIZATION_COLUMNS = List.of("id", "name", "nameLatin", "creditCode", "country",
            "province", "city", "website", "email", "phone", "industry", "verification", "tags", "categories");
    static final List<String> PEOPLE_COLUMNS = List.of("id", "name", "familyName", "givenName", "jobTitle", "email",
            "phone", "organizationId", "organization", "language", "tags");

    @Inject
    Segments segments;

    @Inject
    OrganizationCategories categories;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** A written export; the caller sends and then deletes the file. */
    public record ExportFile(Path file, String filename, TableWriter.Format format, int rows) {
    }

    /**
     * Writes the members of a checked filter. {@code what} names the list for the audit entry and
     * {@code name} the file.
     */
    public ExportFile export(Segments.Checked filter, TableWriter.Format format, String name, String what) {
        Path file;
        try {
            file = Files.createTempFile("expodesk-export-", "." + format.extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean people = filter.kind() == SegmentKind.PEOPLE;
        int rows;
        try (TableWriter out = new TableWriter(format, file, people ? "people" : "organizations",
                people ? PEOPLE_COLUMNS : ORGANIZATION_COLUMNS)) {
            Long below = null;
            List<Long> ids;
            do {
                ids = segments.idsBelow(filter, below, BATCH);
                if (people) {
                    writePeople(out, segments.people(ids));
                } else {
                    writeOrganizations(out, segments.organizations(ids));
                }
                below = ids.isEmpty() ? null : ids.get(ids.size() - 1);
                // what was written is not needed again
                em.clear();
            } while (ids.size() == BATCH);
            rows = out.rows();
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        audit.record(AuditAction.EXPORT, people ? "Person" : "Organization", null,
                format + ", " + what + ", rows=" + rows);
        return new ExportFile(file, name + "." + format.extension, format, rows);
    }

    private void writeOrganizations(TableWriter out, List<Organization> batch) {
        Map<Long, List<String>> codes = categories.codesOf(batch.stream().map(o -> o.id).toList());
        for (Organization o : batch) {
            out.row(Arrays.asList(o.id, o.name, o.nameLatin, o.creditCode, o.country, o.province, o.city, o.website,
                    o.email, o.phone, o.industry, o.verification.name(), o.tags,
                    String.join(",", codes.getOrDefault(o.id, List.of()))));
        }
    }

    private void writePeople(TableWriter out, List<Person> batch) {
        List<Long> organizationIds = batch.stream().map(p -> p.organizationId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Map<Long, Organization> organizations = organizationIds.isEmpty() ? Map.of()
                : Organization.<Organization>list("id in ?1", organizationIds).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        for (Person p : batch) {
            Organization o = p.organizationId == null ? null : organizations.get(p.organizationId);
            out.row(Arrays.asList(p.id, p.displayName(), p.familyName, p.givenName, p.jobTitle, p.email, p.phone,
                    p.organizationId, o == null ? null : o.name, p.language, p.tags));
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system cleans it up in the end
        }
    }
}
