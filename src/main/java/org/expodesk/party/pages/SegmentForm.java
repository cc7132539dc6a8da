package org.expodesk.party.pages;

import org.expodesk.party.segment.Segment;
import org.expodesk.party.segment.SegmentFilter;
import org.expodesk.party.segment.Segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The segment builder as typed: lists are comma-separated text, and participation clauses are
 * rows of three parallel form fields (mode, edition, role), blank rows ignored.
 */
public record SegmentForm(String name, String description, String kind, String countries, String province,
                          String city, String industry, List<String> categories, String tagsAny, String tagsAll,
                          String verification, String owner, List<ClauseRow> clauses, String organization,
                          String language, Long version) {

    /** One "did / did not take part in edition E as R" row. */
    public record ClauseRow(String mode, String exhibition, String role) {
    }

    /** Blank rows offered below the filled ones. */
    private static final int SPARE_ROWS = 2;
    private static final int MIN_ROWS = 3;

    static SegmentForm empty() {
        return new SegmentForm("", "", "ORGANIZATIONS", "", "", "", "", List.of(), "", "", "", "",
                withSpareRows(List.of()), "", "", null);
    }

    static SegmentForm of(Segment s, SegmentFilter f) {
        List<ClauseRow> rows = new ArrayList<>();
        for (SegmentFilter.Clause c : f.participations()) {
            rows.add(new ClauseRow(c.did() ? "did" : "didNot", String.valueOf(c.exhibition()),
                    c.role() == null ? "" : c.role()));
        }
        return new SegmentForm(s.name, s.description == null ? "" : s.description, s.kind.name(),
                String.join(", ", f.countries()), blank(f.province()), blank(f.city()), blank(f.industry()),
                f.categories(), String.join(", ", f.tagsAny()), String.join(", ", f.tagsAll()),
                blank(f.verification()), blank(f.owner()), withSpareRows(rows),
                f.organization() == null ? "" : String.valueOf(f.organization()), blank(f.language()), s.version);
    }

    static List<ClauseRow> rows(List<String> modes, List<String> exhibitions, List<String> roles) {
        List<ClauseRow> rows = new ArrayList<>();
        int n = exhibitions == null ? 0 : exhibitions.size();
        for (int i = 0; i < n; i++) {
            String exhibition = exhibitions.get(i);
            if (exhibition != null && !exhibition.isBlank()) {
                rows.add(new ClauseRow(at(modes, i, "did"), exhibition.trim(), at(roles, i, "")));
            }
        }
        return withSpareRows(rows);
    }

    private static List<ClauseRow> withSpareRows(List<ClauseRow> rows) {
        List<ClauseRow> all = new ArrayList<>(rows);
        for (int i = 0; i < Math.max(SPARE_ROWS, MIN_ROWS - rows.size()); i++) {
            all.add(new ClauseRow("did", "", ""));
        }
        return all;
    }

    /** What the API takes; a number field that is not one becomes an error message key. */
    Segments.NewSegment toRequest(List<String[]> errors) {
        List<SegmentFilter.Clause> clauses = new ArrayList<>();
        for (ClauseRow row : clauses()) {
            if (row.exhibition().isBlank()) {
                continue;
            }
            Long exhibition = number(row.exhibition(), "participations", errors);
            clauses.add(new SegmentFilter.Clause(exhibition, row.role().isBlank() ? null : row.role(),
                    !"didNot".equals(row.mode())));
        }
        Long organizationId = kind.toUpperCase(Locale.ROOT).equals("PEOPLE") && !organization.isBlank()
                ? number(organization, "organization", errors) : null;
        SegmentFilter filter = new SegmentFilter(list(countries), province, city, industry,
                categories == null ? List.of() : categories, list(tagsAny), list(tagsAll), verification, owner, clauses,
                organizationId, kind.toUpperCase(Locale.ROOT).equals("PEOPLE") ? language : null, null);
        return new Segments.NewSegment(name, description, kind, filter, version);
    }

    public boolean has(String category) {
        return categories != null && categories.contains(category);
    }

    private static Long number(String value, String field, List<String[]> errors) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(new String[] {field, "party_numberInvalid"});
            return null;
        }
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，;；\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String at(List<String> values, int i, String fallback) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : fallback;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
