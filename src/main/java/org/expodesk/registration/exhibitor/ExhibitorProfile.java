package org.expodesk.registration.exhibitor;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditIgnored;
import org.expodesk.audit.AuditedEntity;

import java.time.Instant;

/** What visitors see of an exhibitor: descriptions in both languages, website and logo (PNG). */
@Entity
@Table(name = "exhibitor_profile")
public class ExhibitorProfile extends AuditedEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    public Long organizationId;

    @Column(name = "description_en")
    public String descriptionEn;

    @Column(name = "description_zh")
    public String descriptionZh;

    public String website;

    @AuditIgnored
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "logo_png", columnDefinition = "MEDIUMBLOB")
    public byte[] logoPng;

    @Column(name = "logo_changed_at")
    public Instant logoChangedAt;
}
