package org.expodesk.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;

/** An e-mail address or phone of a person besides the primary ones on {@link Person}. */
@Entity
@Table(name = "person_contact")
public class PersonContact extends AuditedEntity {

    public static final String EMAIL = "EMAIL";
    public static final String PHONE = "PHONE";

    @Column(name = "person_id", nullable = false)
    public Long personId;

    /** EMAIL or PHONE. */
    @Column(nullable = false, length = 8)
    public String kind;

    /** An e-mail address in lower case, or a phone as typed. */
    @AuditRedacted
    @Column(nullable = false, length = 254)
    public String value;

    /** A phone in E.164. */
    @AuditRedacted
    @Column(length = 20)
    public String e164;
}
