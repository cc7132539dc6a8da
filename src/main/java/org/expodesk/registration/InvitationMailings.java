package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailTemplates;
import org.expodesk.mail.Outbox;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.Person;
import org.expodesk.party.dedup.KeyLocks;
import org.expodesk.party.segment.Segment;
import org.expodesk.party.segment.SegmentKind;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Invitations mailed to a saved segment of people (docs/registration.md): one code per person,
 * edition and category, and one mail each with the registration link carrying the code. Sending
 * again reuses each person's code and the mail's key, so nobody is mailed twice.
 */
@ApplicationScoped
@Transactional
public class InvitationMailings {

    public static final String PURPOSE = "registration-invitation";
    private static final int BATCH = 500;

    /** {@code segment}: a saved segment of people; {@code category}: the category the codes open. */
    public record SegmentInvitation(Long segment, String category, Boolean waivesVerification, String note) {
    }

    /**
     * A dry run: members, those with an address, those of them who refused marketing mail (not
     * mailed), those already invited (not mailed again), those to mail.
     */
    public record Preview(long members, long withEmail, long refusingMarketing, long alreadyInvited, long toMail) {
    }

    /**
     * What a send did: codes made, mails queued, people invited before (nothing sent), people without
     * an address, people who refused marketing mail (no code, nothing sent).
     */
    public record Sent(int codesMade, int mailed, int alreadyInvited, int withoutEmail, int refusingMarketing) {
    }

    @Inject
    Segments segments;

    @Inject
    KeyLocks keyLocks;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    Consents consents;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(long exhibitionId, SegmentInvitation r) {
        Checked c = check(exhibitionId, r);
        long withEmail = 0;
        long refusing = 0;
        long invited = 0;
        for (List<Person> people : batches(c)) {
            Set<Long> refusingMarketing = refusingMarketing(people);
            for (Person p : people) {
                if (!addressable(p)) {
                    continue;
                }
                withEmail++;
                if (refusingMarketing.contains(p.id)) {
                    refusing++;
                } else if (existing(exhibitionId, c.category().id, p.id) != null) {
                    invited++;
                }
            }
        }
        return new Preview(c.total(), withEmail, refusing, invited, withEmail - refusing - invited);
    }

    public Sent send(long exhibitionId, SegmentInvitation r) {
        Checked c = check(exhibitionId, r);
        // sends of one category take turns, so two at once cannot both make a code for the same person; on a key of
        // their own, not the category's row, which every registration of the category holds in share mode (ADR 0011)
        keyLocks.lock("invitation-mailing:" + c.category().id);
        Exhibition exhibition = exhibitions.get(exhibitionId);
        int made = 0;
        int mailed = 0;
        int before = 0;
        int withoutEmail = 0;
        int refusing = 0;
        for (List<Person> people : batches(c)) {
            Set<Long> refusingMarketing = refusingMarketing(people);
            for (Person p : people) {
                if (!addressable(p)) {
                    withoutEmail++;
                    continue;
                }
                if (refusingMarketing.contains(p.id)) {
                    refusing++;
                    continue;
                }
                Invitation invitation = existing(exhibitionId, c.category().id, p.id);
                if (invitation == null) {
                    invitation = new Invitation();
                    invitation.exhibitionId = exhibitionId;
                    invitation.categoryId = c.category().id;
                    invitation.personId = p.id;
                    invitation.code = Invitations.newCode();
                    invitation.usesAllowed = 1;
                    invitation.waivesVerification = Boolean.TRUE.equals(r.waivesVerification());
                    invitation.note = c.note();
                    invitation.persist();
                    made++;
                }
                if (mail(exhibition, c.category(), p, invitation)) {
                    mailed++;
                } else {
                    before++;
                }
            }
        }
        return new Sent(made, mailed, before, withoutEmail, refusing);
    }

    /** One key per edition, category and person: the outbox queues it once, however often staff send. */
    static String key(long exhibitionId, long categoryId, long personId) {
        return PURPOSE + "|" + exhibitionId + "|" + categoryId + "|" + personId;
    }

    private boolean mail(Exhibition exhibition, RegistrationCategory category, Person p, Invitation invitation) {
        Locale language = Messages.forTag(p.language);
        Map<String, Object> data = new HashMap<>();
        data.put("name", p.displayName());
        data.put("exhibition", exhibition.name);
        data.put("city", exhibition.city);
        data.put("opensOn", exhibition.opensOn.toString());
        data.put("closesOn", exhibition.closesOn.toString());
        data.put("category", category.label(language));
        data.put("code", invitation.code);
        data.put("link", outbox.publicLink("/register/" + URLEncoder.encode(exhibition.code, StandardCharsets.UTF_8)
                + "?invitation=" + invitation.code + "&lang=" + language.toLanguageTag()));
        return outbox.enqueue(MailRequest.marketing(key(exhibition.id, category.id, p.id), PURPOSE, p.email, language,
                        templates.builtIn(PURPOSE, language), data)
                .forExhibition(exhibition.id)
                .withPrivateLinks()).created();
    }

    private record Checked(Segments.Checked segment, RegistrationCategory category, String note, long total) {
    }

    private Checked check(long exhibitionId, SegmentInvitation r) {
        exhibitions.get(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        Segment segment = null;
        if (r.segment() == null) {
            errors.add(new FieldError("segment", "field_required"));
        } else {
            segment = Segment.findById(r.segment());
            if (segment == null) {
                errors.add(new FieldError("segment", "registration_segmentUnknown"));
            } else if (segment.kind != SegmentKind.PEOPLE) {
                errors.add(new FieldError("segment", "registration_segmentNotPeople"));
            }
        }
        RegistrationCategory category = null;
        if (r.category() == null || r.category().isBlank()) {
            errors.add(new FieldError("category", "field_required"));
        } else {
            category = RegistrationCategory.<RegistrationCategory>find("exhibitionId = ?1 and code = ?2", exhibitionId,
                    r.category().trim().toUpperCase(Locale.ROOT)).firstResult();
            if (category == null) {
                errors.add(new FieldError("category", "registration_categoryUnknown"));
            }
        }
        String note = FieldChecks.text(r.note(), "note", 200, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Segments.Checked checked = segments.checked(segment);
        long total = segments.members(checked, 0, 1).total();
        if (total > Invitations.MAX_BATCH) {
            throw ProblemException.unprocessable("registration_segmentTooLarge");
        }
        return new Checked(checked, category, note, total);
    }

    /** The segment's members, a batch at a time, newest first. */
    private Iterable<List<Person>> batches(Checked c) {
        return () -> new java.util.Iterator<>() {
            private Long below;
            private List<Long> next = segments.idsBelow(c.segment(), null, BATCH);

            @Override
            public boolean hasNext() {
                return !next.isEmpty();
            }

            @Override
            public List<Person> next() {
                List<Long> ids = next;
                below = ids.get(ids.size() - 1);
                next = ids.size() < BATCH ? List.of() : segments.idsBelow(c.segment(), below, BATCH);
                return segments.people(ids);
            }
        };
    }

    /** An invitation is marketing: whoever's latest word on marketing mail is no gets none. */
    private Set<Long> refusingMarketing(List<Person> people) {
        return consents.refusing(Consent.Purpose.MARKETING, people.stream().map(p -> p.id).toList());
    }

    private static boolean addressable(Person p) {
        return p.mergedInto == null && p.email != null && Outbox.isAddress(p.email);
    }

    private static Invitation existing(long exhibitionId, long categoryId, long personId) {
        return Invitation.<Invitation>find("exhibitionId = ?1 and categoryId = ?2 and personId = ?3", exhibitionId,
                categoryId, personId).firstResult();
    }
}
