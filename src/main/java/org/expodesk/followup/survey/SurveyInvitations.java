package org.expodesk.followup.survey;

import org.expodesk.platform.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.party.Contacts;
import org.expodesk.party.Participation;
import org.expodesk.party.ParticipationRole;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.Messages;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Survey links, one per person and edition (docs/survey.md). Only a token's SHA-256 is kept, so a
 * link cannot be shown again: issuing again for the same person gives a fresh link and the
 * earlier one stops working, as long as the person has not answered.
 */
@ApplicationScoped
@Transactional
public class SurveyInvitations {

    /** A link just issued; the token is in it and nowhere else. */
    public record Issued(long invitationId, long exhibitionId, long personId, ParticipationRole role, String token,
                         String path, String link, Instant expiresAt) {
    }

    @Inject
    SurveySetup setup;

    @Inject
    People people;

    @Inject
    Contacts contacts;

    @Inject
    SurveyConfig config;

    @Inject
    Clock clock;

    @ConfigProperty(name = "expodesk.public-url")
    Optional<String> publicUrl;

    /**
     * The link for a person to answer an edition's survey. The person's role is their own part at
     * the edition, else their organization's (exhibitor staff); someone with no part there is
     * refused (400). Someone who has answered already is refused too (409).
     */
    public Issued issue(long exhibitionId, long personId) {
        Survey survey = setup.survey(exhibitionId);
        // issued one at a time per edition, so two issues for one person cannot both insert
        Survey.getEntityManager().createNativeQuery("SELECT id FROM survey WHERE id = ?1 FOR UPDATE")
                .setParameter(1, survey.id).getResultList();
        Person person = people.live(personId);
        Participation part = participation(exhibitionId, person)
                .orElseThrow(() -> ProblemException.invalid("personId", "survey_notParticipant"));
        SurveyInvitation invitation = SurveyInvitation.<SurveyInvitation>find("exhibitionId = ?1 and personId = ?2",
                exhibitionId, personId).firstResultOptional().orElseGet(SurveyInvitation::new);
        if (invitation.answeredAt != null) {
            throw ProblemException.conflict("survey_alreadyAnswered");
        }
        String token = LinkTokens.newToken();
        Instant now = Instant.now(clock);
        invitation.exhibitionId = exhibitionId;
        invitation.personId = personId;
        invitation.organizationId = person.organizationId;
        invitation.role = part.role;
        invitation.tokenHash = LinkTokens.hash(token);
        invitation.issuedAt = now;
        invitation.expiresAt = now.plus(config.linkLifetime());
        invitation.persist();
        String path = "/survey/" + token + (person.language == null ? ""
                : "?lang=" + Messages.forTag(person.language).toLanguageTag());
        String base = publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", "")).orElse("");
        return new Issued(invitation.id, exhibitionId, personId, part.role, token, path, base + path,
                invitation.expiresAt);
    }

    /**
     * The link for a person who has none for the edition yet (what a follow-up rule sends); empty
     * when they have one already (issued by hand or by an earlier run: its link stays valid), take
     * no part in the edition, or the survey is closed.
     */
    public Optional<Issued> issueFirst(long exhibitionId, long personId) {
        Survey survey = setup.survey(exhibitionId);
        Survey.getEntityManager().createNativeQuery("SELECT id FROM survey WHERE id = ?1 FOR UPDATE")
                .setParameter(1, survey.id).getResultList();
        if (!survey.open
                || SurveyInvitation.count("exhibitionId = ?1 and personId = ?2", exhibitionId, personId) > 0) {
            return Optional.empty();
        }
        Person person = people.live(personId);
        if (participation(exhibitionId, person).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(issue(exhibitionId, personId));
    }

    /** The invitation a token stands for, answered, expired or not; empty for a token never issued or replaced. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SurveyInvitation> byToken(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return SurveyInvitation.find("tokenHash", LinkTokens.hash(token)).firstResultOptional();
    }

    private Optional<Participation> participation(long exhibitionId, Person person) {
        Comparator<Participation> byRole = Comparator.comparing(p -> p.role.ordinal());
        Optional<Participation> own = contacts.participationsOf(new PartyRef(PartyRef.Kind.PERSON, person.id)).stream()
                .filter(p -> p.exhibitionId == exhibitionId).min(byRole);
        if (own.isPresent() || person.organizationId == null) {
            return own;
        }
        return contacts.participationsOf(new PartyRef(PartyRef.Kind.ORGANIZATION, person.organizationId)).stream()
                .filter(p -> p.exhibitionId == exhibitionId).min(byRole);
    }
}
