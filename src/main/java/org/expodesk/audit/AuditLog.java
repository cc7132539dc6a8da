package org.expodesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.expodesk.platform.db.HeldUntilCommit;
import org.expodesk.platform.db.MultiRowInsert;
import org.expodesk.platform.ClientAddress;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the append-only audit log. Entries join the caller's transaction, so a change that is
 * rolled back leaves no entry behind, and an entry is never lost for a change that committed.
 * Written with plain JDBC because it is called from inside Hibernate's flush.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INTO = "INSERT INTO audit_log (occurred_at, actor_id, actor_name, action,"
            + " entity_type, entity_id, changes, detail, client_ip)";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Instance<SecurityIdentity> identity;

    @Inject
    Instance<CurrentVertxRequest> currentRequest;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** The key of the entries a transaction holds back ({@link #holdUntilCommit}). */
    private static final String HELD = AuditLog.class.getName() + ".held";

    @Transactional
    public void recordChange(AuditAction action, AuditedEntity entity, Map<String, Object> changes) {
        recordFlushedChange(action, entity, changes);
    }

    /**
     * The entry {@link AuditListener} writes for a created record, for one a service inserted itself (in a batch,
     * where Hibernate would write each alone): the same entry, at the instant it was created.
     */
    public void recordCreated(AuditedEntity entity) {
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        EntitySnapshot.of(entity).forEach((field, value) -> changes.put(field, EntitySnapshot.display(value)));
        recordFlushedChange(AuditAction.CREATE, entity, changes, entity.createdAt);
    }

    /** {@link #recordCreated(AuditedEntity)} made by {@code who} ({@code null}: as the transaction acts now). */
    public void recordCreated(AuditedEntity entity, Who who) {
        entity.auditWho = who;
        recordCreated(entity);
        entity.auditWho = null;
    }

    /**
     * {@link #recordChange} for {@link AuditListener}, which Hibernate calls while it flushes, always inside a
     * transaction: without the transaction interceptor, which a registration's dozen entries each went
     * through (about a third of what auditing cost it).
     */
    void recordFlushedChange(AuditAction action, AuditedEntity entity, Map<String, Object> changes) {
        recordFlushedChange(action, entity, changes, null);
    }

    /** {@code at}: when the change was made ({@code null}: now). */
    private void recordFlushedChange(AuditAction action, AuditedEntity entity, Map<String, Object> changes, Instant at) {
        HeldUntilCommit<Entry> held = HeldUntilCommit.current(transaction, HELD);
        if (held == null) {
            write(currentActor(), action, entityType(entity), entity.id == null ? null : entity.id.toString(),
                    toJson(changes), null);
            return;
        }
        // a record's creator as taken at its persist (its entry is written at the flush, perhaps after another's)
        Who who = action == AuditAction.CREATE && entity.auditWho != null ? entity.auditWho
                : (Who) transaction.getResource(WHO);
        if (who == null) {
            // one request's transaction: who made the changes and from where is asked once, not for every entry
            who = new Who(currentActor(), clientAddress());
            transaction.putResource(WHO, who);
        }
        held.add(new Entry(at != null ? at : Instant.now(clock), who.actor(), action, entityType(entity),
                entity.id == null ? null : entity.id.toString(), toJson(changes), null, who.clientIp()));
    }

    /** Who changed records in a transaction that holds its entries, and from which address. */
    public record Who(Actor actor, String clientIp) {
    }

    /** Who the current request is, and from which address: for records another thread writes on their behalf. */
    public Who who() {
        return new Who(currentActor(), clientAddress());
    }

    /**
     * From now on, the current transaction's records are made by {@code who} (one transaction for the public submits
     * of several people, ADR 0031), until it is called again; only in a transaction that holds its entries.
     */
    public void actAs(Who who) {
        transaction.putResource(WHO, who);
    }

    /** Who the current transaction acts as ({@link #actAs}), or null: asked when its first entry is made. */
    Who actingNow() {
        return transaction.getTransactionKey() == null ? null : (Who) transaction.getResource(WHO);
    }

    private static final String WHO = AuditLog.class.getName() + ".who";

    /** Records an event that is not a record change (a login, a refusal) for the current user. */
    @Transactional
    public void record(AuditAction action, String entityType, String entityId, String detail) {
        write(currentActor(), action, entityType, entityId, null, detail);
    }

    /** Records an event on behalf of someone who is not (yet) the signed-in user, e.g. at login. */
    @Transactional
    public void recordAs(Actor actor, AuditAction action, String entityType, String entityId, String detail) {
        write(actor, action, entityType, entityId, null, detail);
    }

    /** One entry as it will be written. */
    private record Entry(Instant occurredAt, Actor actor, AuditAction action, String entityType, String entityId,
                         String changes, String detail, String clientIp) {
    }

    /**
     * The caller's transaction writes its entries in one batch before it commits instead of one by
     * one (an import chunk writes hundreds); they are the same entries, with the same times.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdUntilCommit() {
        HeldUntilCommit.<Entry>start(transaction, HELD, this::write);
    }

    private void write(Actor actor, AuditAction action, String entityType, String entityId, String changes,
                       String detail) {
        Entry entry = new Entry(Instant.now(clock), actor, action, entityType, entityId, changes, truncate(detail, 500),
                clientAddress());
        HeldUntilCommit<Entry> held = HeldUntilCommit.current(transaction, HELD);
        if (held != null) {
            held.add(entry);
            return;
        }
        write(List.of(entry));
    }

    private void write(List<Entry> entries) {
        try (Connection connection = dataSource.getConnection()) {
            MultiRowInsert.writePreparedOnServer(connection, INTO, "", entries, e -> new Object[]{e.occurredAt(),
                    e.actor().id(), truncate(e.actor().name(), 64), e.action().name(), e.entityType(), e.entityId(),
                    e.changes(), e.detail(), e.clientIp()});
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log", e);
        }
    }

    Actor currentActor() {
        if (!Arc.container().requestContext().isActive() || !identity.isResolvable()) {
            return Actor.SYSTEM;
        }
        SecurityIdentity who = identity.get();
        if (who.isAnonymous()) {
            return Actor.ANONYMOUS;
        }
        Object id = who.getAttribute(Actor.USER_ID_ATTRIBUTE);
        return new Actor(id instanceof Long l ? l : null, who.getPrincipal().getName());
    }

    private String clientAddress() {
        if (!Arc.container().requestContext().isActive() || !currentRequest.isResolvable()) {
            return null;
        }
        RoutingContext routing = currentRequest.get().getCurrent();
        return routing == null ? null : ClientAddress.of(routing.request());
    }

    private String toJson(Map<String, Object> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not render audit changes", e);
        }
    }

    static String entityType(Object entity) {
        String name = entity.getClass().getSimpleName();
        int proxyMarker = name.indexOf('$');
        return proxyMarker > 0 ? name.substring(0, proxyMarker) : name;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
