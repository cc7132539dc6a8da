package org.expodesk.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A kind of registrant at one edition (buyer, press, ...), with its rules and capacity. */
@Entity
@EntityListeners(SetupVersionListener.class)
@Table(name = "registration_category")
public class RegistrationCategory extends AuditedEntity {

    @Column(name = "exhibition_id", nullable = false, updatable = false)
    public Long exhibitionId;

    @Column(nullable = false, length = 32, updatable = false)
    public String code;

    @Column(name = "label_en", nullable = false, length = 100)
    public String labelEn;

    @Column(name = "label_zh", nullable = false, length = 100)
    public String labelZh;

    /** {@code #rrggbb}: the band on the badge. */
    @Column(nullable = false, length = 7)
    public String colour;

    /** A registrant waits for staff (or an allowed e-mail domain) before the registration counts. */
    @Column(name = "verification_required", nullable = false)
    public boolean verificationRequired;

    @Column(name = "invitation_required", nullable = false)
    public boolean invitationRequired;

    /** Places in total; null: no limit. */
    @Column
    public Integer capacity;

    /** Places on each day; null: no limit. */
    @Column(name = "capacity_per_day")
    public Integer capacityPerDay;

    /** ISO dates, comma separated; null: every show day. */
    @Column(name = "valid_days", length = 400)
    public String validDays;

    /** The registrant picks among the valid days; otherwise they get them all. */
    @Column(name = "days_selectable", nullable = false)
    public boolean daysSelectable;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(nullable = false)
    public boolean enabled = true;

    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? labelZh : labelEn;
    }

    /** The days a badge of this category admits, from the edition's show days when none are set. */
    public List<LocalDate> days(LocalDate opensOn, LocalDate closesOn) {
        if (validDays == null || validDays.isBlank()) {
            return opensOn.datesUntil(closesOn.plusDays(1)).toList();
        }
        return Arrays.stream(validDays.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(LocalDate::parse).sorted().toList();
    }
}
