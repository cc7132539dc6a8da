package org.expodesk.exhibition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

/** A show that recurs (e.g. "Canton Furniture Fair"); its editions can be compared. */
@Entity
@Table(name = "show_series")
public class ShowSeries extends AuditedEntity {

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;
}
