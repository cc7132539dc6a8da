package org.expodesk.party.segment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved filter over organizations or people; its members are found anew each time. */
@Entity
@Table(name = "segment")
public class Segment extends AuditedEntity {

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 1000)
    public String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public SegmentKind kind;

    /** The {@link SegmentFilter} as JSON, already checked. */
    @Column(nullable = false, columnDefinition = "text")
    public String filter;

    @Column(name = "owner_id")
    public Long ownerId;
}
