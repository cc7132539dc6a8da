package org.expodesk.party.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The column mapping last saved for one source (a fair's list, a partner's export), per kind. */
@Entity
@Table(name = "import_mapping")
public class SavedMapping extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public ImportKind kind;

    @Column(nullable = false, length = 100)
    public String source;

    /** JSON: header (lower case) → target field. */
    @Column(nullable = false, columnDefinition = "text")
    public String mapping;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
