package org.expodesk.registration.exhibitor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditRedacted;
import org.expodesk.audit.AuditedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A company's application to exhibit at one edition, as the applicant wrote it; the company and
 * the contact are also in the customer database ({@link #organizationId}, {@link #personId}).
 */
@Entity
@Table(name = "exhibitor_application")
public class ExhibitorApplication extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(name = "organization_id", nullable = false)
    public Long organizationId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "user_id")
    public Long userId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 24)
    public ApplicationStatus status;

    @Column(name = "submission_key", nullable = false, updatable = false, length = 64, columnDefinition = "CHAR(64)")
    public String submissionKey;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "name_latin")
    public String nameLatin;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(nullable = false, length = 2, columnDefinition = "CHAR(2)")
    public String country;

    @Column(nullable = false)
    public String city;

    public String address;

    public String website;

    @Column(name = "company_phone")
    public String companyPhone;

    public String industry;

    /** Product category codes, comma-separated, as chosen in the form. */
    public String categories;

    /** The company was one already in the customer database: its account waits for staff approval. */
    @Column(name = "organization_matched", nullable = false)
    public boolean organizationMatched;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "job_title")
    public String jobTitle;

    @Column(nullable = false)
    public String email;

    public String phone;

    @Column(nullable = false)
    public String language;

    @Column(name = "booth_size_sqm", nullable = false)
    public int boothSizeSqm;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "booth_type", nullable = false, length = 20)
    public BoothType boothType;

    @Column(name = "terms_version", nullable = false)
    public String termsVersion;

    @AuditRedacted
    @Column(name = "confirm_token_hash", length = 64, columnDefinition = "CHAR(64)")
    public String confirmTokenHash;

    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public String question;

    public String answer;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "staff_quota_override")
    public Integer staffQuotaOverride;

    /** Chinese, Japanese and Korean names are written family name first and without a space. */
    public String contactName() {
        String both = familyName + givenName;
        boolean eastern = both.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
        return eastern ? both : givenName + " " + familyName;
    }
}
