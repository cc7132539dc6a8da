package org.expodesk.audit;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one mechanism that audits business records: JPA callbacks on every {@link AuditedEntity}.
 * It snapshots field values when an entity is loaded and compares after an update, so the log
 * shows which fields changed from what to what.
 */
public class AuditListener {

    @PrePersist
    void beforeCreate(AuditedEntity entity) {
        Instant now = Instant.now(Arc.container().instance(Clock.class).get());
        // a service may have fixed the creation instant to derive other times from it
        if (entity.createdAt == null) {
            entity.createdAt = now;
        }
        entity.updatedAt = entity.createdAt;
        // the values the insert writes: a record whose insert waits for the flush (reserved ids, ADR 0029) may be
        // changed before it, and that change is then an update of its own, audited as one
        entity.auditSnapshot = EntitySnapshot.of(entity);
        entity.auditWho = auditLog().actingNow();
    }

    @PreUpdate
    void beforeUpdate(AuditedEntity entity) {
        entity.updatedAt = Instant.now(Arc.container().instance(Clock.class).get());
    }

    @PostLoad
    void loaded(AuditedEntity entity) {
        entity.auditSnapshot = EntitySnapshot.of(entity);
    }

    @PostPersist
    void created(AuditedEntity entity) {
        Map<String, String> inserted = entity.auditSnapshot != null ? entity.auditSnapshot : EntitySnapshot.of(entity);
        Map<String, Object> changes = new LinkedHashMap<>();
        inserted.forEach((field, value) -> changes.put(field, EntitySnapshot.display(value)));
        auditLog().recordFlushedChange(AuditAction.CREATE, entity, changes);
        entity.auditSnapshot = inserted;
        entity.auditWho = null;
    }

    @PostUpdate
    void updated(AuditedEntity entity) {
        Map<String, String> before = entity.auditSnapshot == null ? Map.of() : entity.auditSnapshot;
        Map<String, String> after = EntitySnapshot.of(entity);
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, new Change(EntitySnapshot.display(old), EntitySnapshot.display(value)));
            }
        });
        if (!changes.isEmpty()) {
            auditLog().recordFlushedChange(AuditAction.UPDATE, entity, changes);
        }
        entity.auditSnapshot = after;
    }

    @PostRemove
    void removed(AuditedEntity entity) {
        Map<String, Object> last = new LinkedHashMap<>();
        EntitySnapshot.of(entity).forEach((field, value) -> last.put(field, EntitySnapshot.display(value)));
        auditLog().recordFlushedChange(AuditAction.DELETE, entity, last);
    }

    private static AuditLog auditLog() {
        return Arc.container().instance(AuditLog.class).get();
    }

    /** One changed field: the value before and after. */
    public record Change(String from, String to) {
    }
}
