package org.expodesk.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditedEntity;
import org.expodesk.audit.ReservedIds;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A company in the one customer database: exhibitor at one edition, buyer at another, partner. Its id is reserved
 * before the insert (ADR 0029): {@link Organizations} writes the insert right after {@code persist}, unless an import
 * chunk holds it until its flush.
 */
@Entity
@EntityListeners({SearchIndexListener.class, OrganizationChangeLog.Recorder.class})
@Table(name = "organization")
@ReservedIds(table = "organization", block = 1000)
public class Organization extends AuditedEntity {

    /** The legal name, in the script the company uses (for a Chinese company: Chinese). */
    @Column(nullable = false, length = 300)
    public String name;

    @Column(name = "name_latin", length = 300)
    public String nameLatin;

    @Column(name = "short_name", length = 100)
    public String shortName;

    /** Unified social credit code, or the tax / VAT id elsewhere. */
    @Column(name = "credit_code", length = 64)
    public String creditCode;

    /** ISO 3166-1 alpha-2. */
    @Column(length = 2, columnDefinition = "char(2)")
    public String country;

    @Column(length = 100)
    public String province;

    @Column(length = 100)
    public String city;

    @Column(length = 500)
    public String address;

    @Column(length = 300)
    public String website;

    /** The web domain, lower case, for matching e-mail addresses to the company. */
    @Column(length = 200)
    public String domain;

    @Column(length = 50)
    public String phone;

    /** {@link #phone} in E.164, for matching and search; null for a number typed before V14 that is not valid. */
    @AuditIgnored
    @Column(name = "phone_e164", length = 20)
    public String phoneE164;

    @Column(length = 254)
    public String email;

    @Column(length = 100)
    public String industry;

    @Column(name = "company_size", length = 20)
    public String companySize;

    @Column(name = "main_business", columnDefinition = "text")
    public String mainBusiness;

    /** Comma-separated, lower case. */
    @Column(length = 500)
    public String tags;

    @Column(columnDefinition = "text")
    public String notes;

    /** The staff account manager. */
    @Column(name = "owner_id")
    public Long ownerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Verification verification = Verification.UNVERIFIED;

    @Column(name = "verification_reason", length = 500)
    public String verificationReason;

    @Column(name = "verified_by", length = 64)
    public String verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "credit_status", length = 16)
    public String creditStatus;

    @AuditIgnored
    @Column(name = "name_key", nullable = false, length = 300)
    public String nameKey;

    /** Set when this record was merged into another as its duplicate. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /**
     * Whether this new record's search terms are indexed already: at its {@code persist} ({@link SearchIndex#created},
     * called by {@link Organizations}), or else at its insert. Not stored.
     */
    @Transient
    boolean termsIndexed;
}
