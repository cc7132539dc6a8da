package org.expodesk.party.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row an import could not take, and why; {@code field} is the target field, if one. */
@Entity
@Table(name = "import_error")
public class ImportRowError extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id", nullable = false)
    public Long importId;

    @Column(name = "row_no", nullable = false)
    public int rowNo;

    @Column(length = 100)
    public String field;

    /** A message key, or plain text where no key fits. */
    @Column(nullable = false, length = 500)
    public String message;
}
