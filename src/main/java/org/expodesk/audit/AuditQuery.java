package org.expodesk.audit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit log with filters, newest first. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditQuery {

    /** Filters; any may be null. {@code actor} and {@code entityType} match exactly. */
    public record Filter(String actor, String action, String entityType, String entityId, Instant from,
                         Instant until) {
    }

    public record Result(List<AuditEntry> items, long total) {
    }

    public Result find(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (notBlank(filter.actor())) {
            where.add("actorName = :actor");
            params.and("actor", filter.actor().trim());
        }
        if (notBlank(filter.action())) {
            where.add("action = :action");
            params.and("action", filter.action().trim());
        }
        if (notBlank(filter.entityType())) {
            where.add("entityType = :entityType");
            params.and("entityType", filter.entityType().trim());
        }
        if (notBlank(filter.entityId())) {
            where.add("entityId = :entityId");
            params.and("entityId", filter.entityId().trim());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.until() != null) {
            where.add("occurredAt < :until");
            params.and("until", filter.until());
        }
        String query = String.join(" and ", where);
        var found = AuditEntry.find(query, Sort.descending("id"), params.map());
        return new Result(found.page(Page.of(page, size)).list(), found.count());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
