package org.expodesk.party.segment;

import org.expodesk.party.NameKeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A checked filter compiled to one SQL condition with positional parameters: plain columns for
 * the record's own fields, EXISTS / NOT EXISTS sub-queries for categories and participations,
 * each answered by an index. User input only ever travels as a parameter.
 */
final class SegmentQuery {

    /** {@code from}: the tables after FROM; {@code where}: the condition; {@code id}: the member id column. */
    record Compiled(String from, String where, String id, List<Object> params) {
    }

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    private SegmentQuery() {
    }

    /** {@code filter} is checked and resolved: categories are ids, owner is a user id in {@code ownerId}. */
    static Compiled compile(SegmentKind kind, SegmentFilter filter, Collection<Long> categoryIds, Long ownerId) {
        SegmentQuery q = new SegmentQuery();
        boolean people = kind == SegmentKind.PEOPLE;
        // the party whose tags and participations count
        String party = people ? "p" : "o";
        if (people) {
            // neither merged away nor erased on request (an erased person keeps only a row for the counts)
            q.conditions.add("p.merged_into IS NULL AND p.name_key <> CONCAT('erased', p.id)");
            q.conditions.add("(p.organization_id IS NULL OR o.merged_into IS NULL)");
        } else {
            q.conditions.add("o.merged_into IS NULL");
        }
        if (filter.name() != null) {
            // every word typed, somewhere in the name key, in any order
            for (String word : filter.name().trim().split("\\s+")) {
                String key = people ? NameKeys.fold(word) : NameKeys.organization(word);
                if (!key.isEmpty()) {
                    q.conditions.add(party + ".name_key LIKE " + q.param("%" + key + "%"));
                }
            }
        }
        if (!filter.countries().isEmpty()) {
            q.conditions.add("o.country IN (" + q.list(filter.countries()) + ")");
        }
        if (filter.province() != null) {
            q.conditions.add("o.province = " + q.param(filter.province()));
        }
        if (filter.city() != null) {
            q.conditions.add("o.city = " + q.param(filter.city()));
        }
        if (filter.industry() != null) {
            q.conditions.add("o.industry = " + q.param(filter.industry()));
        }
        if (!categoryIds.isEmpty()) {
            q.conditions.add("EXISTS (SELECT 1 FROM organization_category oc WHERE oc.organization_id = o.id"
                    + " AND oc.category_id IN (" + q.list(categoryIds) + "))");
        }
        if (filter.verification() != null) {
            q.conditions.add("o.verification = " + q.param(filter.verification()));
        }
        if (ownerId != null) {
            q.conditions.add("o.owner_id = " + q.param(ownerId));
        }
        if (!filter.tagsAny().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String tag : filter.tagsAny()) {
                any.add("FIND_IN_SET(" + q.param(tag) + ", " + party + ".tags) > 0");
            }
            q.conditions.add("(" + String.join(" OR ", any) + ")");
        }
        for (String tag : filter.tagsAll()) {
            q.conditions.add("FIND_IN_SET(" + q.param(tag) + ", " + party + ".tags) > 0");
        }
        String partyColumn = people ? "person_id" : "organization_id";
        for (SegmentFilter.Clause clause : filter.participations()) {
            String exists = "EXISTS (SELECT 1 FROM participation x WHERE x." + partyColumn + " = " + party + ".id"
                    + " AND x.exhibition_id = " + q.param(clause.exhibition())
                    + (clause.role() == null ? "" : " AND x.role = " + q.param(clause.role())) + ")";
            q.conditions.add(clause.did() ? exists : "NOT " + exists);
        }
        if (people && filter.organization() != null) {
            q.conditions.add("p.organization_id = " + q.param(filter.organization()));
        }
        if (people && filter.language() != null) {
            // "zh" also finds "zh-CN"
            q.conditions.add("(p.language = " + q.param(filter.language()) + " OR p.language LIKE "
                    + q.param(filter.language() + "-%") + ")");
        }
        String from = people ? "person p LEFT JOIN organization o ON o.id = p.organization_id" : "organization o";
        return new Compiled(from, String.join(" AND ", q.conditions), party + ".id", q.params);
    }

    private String param(Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private String list(Collection<?> values) {
        List<String> marks = new ArrayList<>();
        for (Object v : values) {
            marks.add(param(v));
        }
        return String.join(", ", marks);
    }
}
