package org.expodesk.mail;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the outbox for the staff page and the API: newest first, filtered, paged. */
@ApplicationScoped
public class OutboxQuery {

    public record Filter(MailStatus status, String recipient, String purpose, Long exhibitionId) {
    }

    public record Result(List<OutboxMail> items, long total) {
    }

    public Result find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.recipient() != null && !filter.recipient().isBlank()) {
            where.append(" and recipient like :recipient");
            params.put("recipient", "%" + escape(filter.recipient().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.purpose() != null && !filter.purpose().isBlank()) {
            where.append(" and purpose = :purpose");
            params.put("purpose", filter.purpose().strip());
        }
        if (filter.exhibitionId() != null) {
            where.append(" and exhibitionId = :exhibition");
            params.put("exhibition", filter.exhibitionId());
        }
        var query = OutboxMail.<OutboxMail>find(where.toString(), Sort.descending("id"), params);
        return new Result(new ArrayList<>(query.page(Page.of(page, size)).list()), query.count());
    }

    /**
     * How many mails stand in each status, of one purpose (a rule, a campaign; with the purposes
     * {@code purpose + ":..."} of its daily mails) or of all when null.
     */
    public Map<MailStatus, Long> countsByStatus(String purpose) {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0L);
        }
        String jpql = "select m.status, count(m) from OutboxMail m"
                + (purpose == null ? "" : " where m.purpose = :purpose or m.purpose like :daily") + " group by m.status";
        var query = OutboxMail.getEntityManager().createQuery(jpql, Object[].class);
        if (purpose != null) {
            query.setParameter("purpose", purpose);
            query.setParameter("daily", escape(purpose) + ":%");
        }
        for (Object[] row : query.getResultList()) {
            counts.put((MailStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    public List<Suppression> suppressions(int page, int size) {
        return Suppression.<Suppression>findAll(Sort.descending("createdAt")).page(Page.of(page, size)).list();
    }

    public long suppressionCount() {
        return Suppression.count();
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
