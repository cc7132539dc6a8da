package org.expodesk.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The entry policy of one registration category at an edition, keyed by the category's code so
 * that check-in needs nothing of registration's tables.
 */
@Entity
@Table(name = "checkin_entry_policy")
public class CategoryPolicy extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 32)
    public String category;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public EntryPolicy policy;
}
