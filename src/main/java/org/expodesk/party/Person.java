package org.expodesk.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;
import org.expodesk.audit.ReservedIds;

/**
 * A contact: exhibitor staff, buyer, visitor, press. Names and contact details are redacted in the
 * audit log (it records that they changed, not to what), so that an erasure on request
 * ({@link Privacy}) leaves nothing behind that names the person.
 */
@Entity
@EntityListeners(SearchIndexListener.class)
@Table(name = "person")
// ids known before the insert, so that an import chunk's new people go out in batches (ADR 0029)
@ReservedIds(table = "person", block = 1000)
public class Person extends AuditedEntity {

    @AuditRedacted
    @Column(name = "family_name", nullable = false, length = 100)
    public String familyName;

    @AuditRedacted
    @Column(name = "given_name", length = 100)
    public String givenName;

    /** Family name first when written (Chinese, Japanese, Korean, Hungarian names). */
    @Column(name = "eastern_order", nullable = false)
    public boolean easternOrder;

    @Column(name = "job_title", length = 200)
    public String jobTitle;

    @AuditRedacted
    @Column(length = 254)
    public String email;

    @AuditRedacted
    @Column(length = 50)
    public String phone;

    /** {@link #phone} in E.164, for matching and search. More e-mails and phones: {@link PersonContact}. */
    @AuditIgnored
    @Column(name = "phone_e164", length = 20)
    public String phoneE164;

    /** The current company; the history is in {@link Employment}. */
    @Column(name = "organization_id")
    public Long organizationId;

    /** Preferred language, a BCP 47 tag. */
    @Column(length = 16)
    public String language;

    @Column(length = 500)
    public String tags;

    @AuditIgnored
    @Column(name = "name_key", nullable = false, length = 300)
    public String nameKey;

    /** Set when this record was merged into another as its duplicate. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** The name as its owner writes it: 王小明 (eastern, no space between CJK), or Mary Smith. */
    public String displayName() {
        String given = givenName == null ? "" : givenName;
        if (easternOrder) {
            boolean cjk = !familyName.isEmpty() && Character.UnicodeScript.of(familyName.codePointAt(0))
                    == Character.UnicodeScript.HAN;
            return (familyName + (cjk ? "" : " ") + given).trim();
        }
        return (given + " " + familyName).trim();
    }
}
