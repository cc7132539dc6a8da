package org.expodesk.party;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A stretch of a person's working life at one company; a person who changes company keeps the past. */
@Entity
@Table(name = "employment")
public class Employment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "organization_id", nullable = false)
    public Long organizationId;

    @Column(name = "job_title", length = 200)
    public String jobTitle;

    @Column(name = "from_day", nullable = false)
    public LocalDate fromDay;

    @Column(name = "until_day")
    public LocalDate untilDay;
}
