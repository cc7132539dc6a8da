package org.expodesk.party.api;

import org.expodesk.party.Consent;
import org.expodesk.party.Employment;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organization;
import org.expodesk.party.Participation;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.party.Ticket;
import org.expodesk.party.category.OrganizationCategories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The JSON shapes of the customer database. */
public final class PartyViews {

    private PartyViews() {
    }

    public record OrganizationView(long id, String name, String nameLatin, String shortName, String creditCode,
                                   String country, String province, String city, String address, String website,
                                   String domain, String email, String phone, String industry, String companySize,
                                   String mainBusiness, List<String> tags, String notes, Long owner,
                                   String verification, String verificationReason, String verifiedBy,
                                   Instant verifiedAt, Long mergedInto, long version, List<String> categories,
                                   String creditStatus) {

        static OrganizationView of(Organization o) {
            return of(o, OrganizationCategories.codesOf(o.id));
        }

        static OrganizationView of(Organization o, List<String> categories) {
            return new OrganizationView(o.id, o.name, o.nameLatin, o.shortName, o.creditCode, o.country, o.province,
                    o.city, o.address, o.website, o.domain, o.email, o.phone, o.industry, o.companySize, o.mainBusiness,
                    o.tags == null ? List.of() : List.of(o.tags.split(",")), o.notes, o.ownerId, o.verification.name(),
                    o.verificationReason, o.verifiedBy, o.verifiedAt, o.mergedInto, o.version, categories, o.creditStatus);
        }

        /** What an exhibitor sees of its own organization: no staff notes, screening remarks, owner or credit status. */
        static OrganizationView forExhibitor(Organization o) {
            return new OrganizationView(o.id, o.name, o.nameLatin, o.shortName, o.creditCode, o.country, o.province,
                    o.city, o.address, o.website, o.domain, o.email, o.phone, o.industry, o.companySize, o.mainBusiness,
                    List.of(), null, null, o.verification.name(), null, null, o.verifiedAt, null, o.version,
                    OrganizationCategories.codesOf(o.id), null);
        }
    }

    public record EmploymentView(long organization, String jobTitle, LocalDate from, LocalDate until) {

        static EmploymentView of(Employment e) {
            return new EmploymentView(e.organizationId, e.jobTitle, e.fromDay, e.untilDay);
        }
    }

    /** {@code emails} and {@code phones}: every one, the primary ({@code email}, {@code phone}) first. */
    public record PersonView(long id, String name, String familyName, String givenName, boolean easternOrder,
                             String jobTitle, String email, String phone, Long organization, String language,
                             List<String> tags, List<EmploymentView> employments, long version, String phoneE164,
                             List<String> emails, List<String> phones, Long mergedInto) {

        static PersonView of(Person p, List<Employment> employments) {
            return of(p, employments, List.of());
        }

        static PersonView of(Person p, List<Employment> employments, List<PersonContact> contacts) {
            List<String> emails = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            if (p.email != null) {
                emails.add(p.email);
            }
            if (p.phone != null) {
                phones.add(p.phone);
            }
            for (PersonContact c : contacts) {
                (PersonContact.EMAIL.equals(c.kind) ? emails : phones).add(c.value);
            }
            return new PersonView(p.id, p.displayName(), p.familyName, p.givenName, p.easternOrder, p.jobTitle, p.email,
                    p.phone, p.organizationId, p.language, p.tags == null ? List.of() : List.of(p.tags.split(",")),
                    employments.stream().map(EmploymentView::of).toList(), p.version, p.phoneE164, emails, phones,
                    p.mergedInto);
        }

        /** What an exhibitor sees of one of its own people: no staff tags, no past employers. */
        static PersonView forExhibitor(Person p, List<PersonContact> contacts) {
            PersonView all = of(p, List.of(), contacts);
            return new PersonView(all.id(), all.name(), all.familyName(), all.givenName(), all.easternOrder(),
                    all.jobTitle(), all.email(), all.phone(), all.organization(), all.language(), List.of(), List.of(),
                    all.version(), all.phoneE164(), all.emails(), all.phones(), null);
        }
    }

    public record ConsentView(long id, String purpose, boolean granted, Instant at, String channel, String textVersion,
                              String note, String recordedBy) {

        static ConsentView of(Consent c) {
            return new ConsentView(c.id, c.purpose.name(), c.granted, c.occurredAt, c.channel.name(), c.textVersion,
                    c.note, c.recordedBy);
        }

        /** An exhibitor sees what was agreed and when, not staff notes or who on the staff recorded it. */
        static ConsentView forExhibitor(Consent c) {
            return new ConsentView(c.id, c.purpose.name(), c.granted, c.occurredAt, c.channel.name(), c.textVersion,
                    null, null);
        }
    }

    public record InteractionView(long id, Long organization, Long person, String kind, Instant at, Long staff,
                                  String summary, String outcome, LocalDate followUpOn, boolean followUpDone) {

        static InteractionView of(Interaction i) {
            return new InteractionView(i.id, i.organizationId, i.personId, i.kind.name(), i.occurredAt, i.staffId,
                    i.summary, i.outcome, i.followUpOn, i.followUpDone);
        }
    }

    public record ParticipationView(long id, long exhibition, Long organization, Long person, String role) {

        static ParticipationView of(Participation p) {
            return new ParticipationView(p.id, p.exhibitionId, p.organizationId, p.personId, p.role.name());
        }
    }

    public record TicketView(long id, Long organization, Long person, Long exhibition, String kind, String priority,
                             String summary, String description, String status, Long assignee, Instant slaDueAt,
                             String resolution, String raisedBy, Instant createdAt, long version) {

        static TicketView of(Ticket t) {
            return new TicketView(t.id, t.organizationId, t.personId, t.exhibitionId, t.kind.name(), t.priority.name(),
                    t.summary, t.description, t.status.name(), t.assigneeId, t.slaDueAt, t.resolution, t.raisedBy,
                    t.createdAt, t.version);
        }
    }
}
