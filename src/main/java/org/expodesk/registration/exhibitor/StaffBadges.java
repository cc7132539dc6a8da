package org.expodesk.registration.exhibitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.SignedInUser;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgePdfs;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailTemplates;
import org.expodesk.mail.Outbox;
import org.expodesk.party.Contacts;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The badges of booth staff: a staff member added becomes a person of the customer database with
 * an EXHIBITOR_STAFF participation and gets a staff badge by mail (PDF attached, and a link); one
 * removed loses it. All in the transaction that adds or removes the member.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StaffBadges {

    public static final String PURPOSE = "booth-staff-badge";

    @Inject
    People people;

    @Inject
    Contacts contacts;

    @Inject
    Badges badges;

    @Inject
    BadgePdfs pdfs;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    ExhibitorConfig config;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** 409 when the person already holds a badge of the edition other than this exhibitor's staff badge. */
    void issue(BoothStaff staff, ExhibitorApplication application) {
        var person = people.createOrMatch(new People.NewPerson(staff.name, null, null, null, staff.email, null,
                application.organizationId, application.language, null)).person();
        contacts.participate(application.exhibitionId, new PartyRef(PartyRef.Kind.PERSON, person.id), "EXHIBITOR_STAFF");
        Badges.Issued issued = badges.issue(new Badges.IssueRequest(application.exhibitionId, person.id, staff.name,
                application.organizationId, application.legalName, config.staffBadgeCategory(), config.staffBadgeLabel(),
                config.staffBadgeColour(), null, null, List.of()));
        if (issued.existing() && (!config.staffBadgeCategory().equals(issued.badge().categoryCode)
                || !java.util.Objects.equals(issued.badge().organizationId, application.organizationId))) {
            // the address is someone's who already holds another badge of this edition (a visitor, a buyer,
            // another exhibitor's staff): an exhibitor typing it must not take that badge over; staff decide
            throw ProblemException.conflict("application_staffHoldsBadge");
        }
        staff.personId = person.id;
        staff.badgeId = issued.badge().id;
        String token = issued.accessToken() != null ? issued.accessToken() : badges.renewAccessToken(issued.badge().id);
        mail(PURPOSE + "|" + issued.badge().id, staff, application, issued.badge(), token);
    }

    /**
     * Mails the member's valid badge again, with a new download link (the old link stops working).
     * Each resend is a mail of its own (its key carries the time it was asked for); a second ask
     * within {@code badge-resend-pause} of the last mail queues nothing and answers false. The
     * caller holds the application's row lock, so a double click's second request sees the first's time.
     */
    boolean resend(BoothStaff staff, ExhibitorApplication application) {
        Badge badge = staff.badgeId == null ? null : badges.find(staff.badgeId).orElse(null);
        if (badge == null || badge.state != BadgeState.VALID) {
            throw ProblemException.conflict("application_staffBadgeNotValid");
        }
        Instant now = Instant.now(clock);
        if (staff.badgeMailedAt != null && staff.badgeMailedAt.plus(config.badgeResendPause()).isAfter(now)) {
            return false;
        }
        staff.badgeMailedAt = now;
        mail(PURPOSE + "|" + badge.id + "|resent-" + now.toEpochMilli(), staff, application, badge,
                badges.renewAccessToken(badge.id));
        return true;
    }

    boolean holdsValidBadge(BoothStaff staff) {
        return staff.badgeId != null && badges.state(staff.badgeId).filter(st -> st == BadgeState.VALID).isPresent();
    }

    void revoke(BoothStaff staff) {
        if (staff.badgeId == null) {
            return;
        }
        badges.find(staff.badgeId).filter(b -> b.state == BadgeState.VALID)
                .ifPresent(b -> badges.revoke(b.id, "removed from the booth staff", actor()));
    }

    /** The valid badges of an application's booth staff in one PDF, one badge a page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] pdf(long applicationId, BadgePdfs.Layout layout) {
        List<Badge> valid = BoothStaff.<BoothStaff>list("applicationId = ?1 order by id", applicationId).stream()
                .map(s -> s.badgeId).filter(Objects::nonNull).map(badges::find).flatMap(java.util.Optional::stream)
                .filter(b -> b.state == BadgeState.VALID).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdfs.many(valid, layout, out);
        return out.toByteArray();
    }

    private void mail(String key, BoothStaff staff, ExhibitorApplication application, Badge badge, String token) {
        Exhibition edition = exhibitions.get(application.exhibitionId);
        Locale language = Messages.forTag(application.language);
        Map<String, Object> data = new HashMap<>();
        data.put("name", staff.name);
        data.put("company", application.legalName);
        data.put("exhibition", edition.name);
        data.put("opensOn", edition.opensOn.toString());
        data.put("closesOn", edition.closesOn.toString());
        data.put("badgeLink", outbox.publicLink(Badges.publicPdfPath(token)));
        outbox.enqueue(MailRequest.transactional(key, PURPOSE, staff.email, language,
                        templates.builtIn(PURPOSE, language), data)
                .forExhibition(application.exhibitionId)
                .withPrivateLinks()
                .attach("badge-" + badge.id + ".pdf", "application/pdf", pdfs.one(badge, BadgePdfs.Layout.A6)));
    }

    private String actor() {
        return currentUser.get().map(SignedInUser::username).orElse("system");
    }
}
