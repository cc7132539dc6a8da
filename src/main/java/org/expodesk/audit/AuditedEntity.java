package org.expodesk.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.expodesk.platform.db.UtcTimestampAsText;
import org.hibernate.annotations.JdbcTypeRegistration;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/**
 * Base of every business record. Extending it is all a feature does to have each create,
 * update and delete written to the audit log with the changed fields (see {@link AuditListener}),
 * and to get optimistic locking.
 */
@MappedSuperclass
@EntityListeners(AuditListener.class)
// how every Instant is bound and read (ADR 0034); here because every record's mapping starts here
@JdbcTypeRegistration(value = UtcTimestampAsText.class, registrationCode = SqlTypes.TIMESTAMP_UTC)
public abstract class AuditedEntity extends PanacheEntityBase {

    /** The table's AUTO_INCREMENT, or for a {@link ReservedIds} entity known before the insert. */
    @Id
    @RecordId
    public Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** The audited field values as last loaded or written, to tell what an update changed. */
    @Transient
    Map<String, String> auditSnapshot;

    /**
     * Who created the record and from where, when its transaction records for several (public submits decided
     * together, ADR 0031): taken at {@code persist}, since its entry is written at the flush.
     */
    @Transient
    AuditLog.Who auditWho;
}
