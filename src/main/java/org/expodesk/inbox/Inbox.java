package org.expodesk.inbox;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Telling people things inside Expodesk, each thing once per person. */
@ApplicationScoped
@Transactional
public class Inbox {

    @Inject
    Clock clock;

    /**
     * Tells each user once: a notification whose key a user already has is not repeated. Returns
     * how many were new.
     */
    public int tell(Collection<Long> userIds, String kind, String dedupKey, String subject, String link) {
        int created = 0;
        for (Long userId : new java.util.LinkedHashSet<>(userIds)) {
            if (userId == null) {
                continue;
            }
            // INSERT IGNORE: two nodes telling the same thing at once still make one row
            created += Notification.getEntityManager().createNativeQuery("INSERT IGNORE INTO notification"
                            + " (user_id, kind, dedup_key, link, subject, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, userId).setParameter(2, kind).setParameter(3, cut(dedupKey, 200))
                    .setParameter(4, link).setParameter(5, cut(subject, 300))
                    .setParameter(6, Instant.now(clock))
                    .executeUpdate();
        }
        return created;
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(long userId) {
        return Notification.count("userId = ?1 and readAt is null", userId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notification> latest(long userId, int size) {
        return Notification.find("userId", Sort.descending("id"), userId).page(Page.ofSize(size)).list();
    }

    public void markAllRead(long userId) {
        Notification.update("readAt = ?1 where userId = ?2 and readAt is null", Instant.now(clock), userId);
    }
}
