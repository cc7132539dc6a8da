package org.expodesk.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.account.CodeSetConverter;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Set;
import java.util.TreeSet;

/** A place where badges are scanned at an edition; scans name it by {@link #name}. */
@Entity
@Table(name = "checkin_gate")
public class Gate extends AuditedEntity {

    public static final String MAIN = "main";

    @Column(name = "exhibition_id", nullable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 64)
    public String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    public GateKind kind;

    /** Zone codes this gate opens; empty = the general area. */
    @Convert(converter = CodeSetConverter.class)
    @Column(nullable = false, length = 500)
    public Set<String> zones = new TreeSet<>();

    /** Registration category codes it admits; empty = every category. */
    @Convert(converter = CodeSetConverter.class)
    @Column(nullable = false, length = 500)
    public Set<String> categories = new TreeSet<>();
}
