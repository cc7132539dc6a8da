package org.expodesk.exhibition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.expodesk.audit.AuditedEntity;

import java.time.LocalDate;

/** One edition of a show: where and when, planned as a staged project. */
@Entity
@Table(name = "exhibition")
public class Exhibition extends AuditedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id", nullable = false)
    public ShowSeries series;

    @Column(nullable = false, length = 32)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String venue;

    @Column(nullable = false, length = 100)
    public String city;

    /** IANA zone of the venue, e.g. Asia/Shanghai: show days and check-in times are in it. */
    @Column(nullable = false, length = 64)
    public String timezone;

    @Column(name = "build_up_from")
    public LocalDate buildUpFrom;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    public LocalDate closesOn;

    @Column(name = "tear_down_until")
    public LocalDate tearDownUntil;

    /** First day on site: build-up if planned, else opening day. */
    public LocalDate firstOnSiteDay() {
        return buildUpFrom != null ? buildUpFrom : opensOn;
    }

    /** Last day on site: tear-down if planned, else closing day. */
    public LocalDate lastOnSiteDay() {
        return tearDownUntil != null ? tearDownUntil : closesOn;
    }
}
