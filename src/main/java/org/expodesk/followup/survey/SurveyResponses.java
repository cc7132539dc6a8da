package org.expodesk.followup.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answering a survey through its link: what the link stands for, and taking the answer once. */
@ApplicationScoped
@Transactional
public class SurveyResponses {

    public static final int COMMENT_MAX = 4000;

    /** What a link can stand for; only {@code OPEN} shows the form. */
    public enum LinkState { OPEN, UNKNOWN, ANSWERED, EXPIRED, CLOSED }

    /** A link looked up: its state, and for an open one the invitation and the aspects to score. */
    public record Link(LinkState state, SurveyInvitation invitation, List<SurveyAspect> aspects) {

        static Link of(LinkState state) {
            return new Link(state, null, List.of());
        }
    }

    /**
     * The form as typed: the NPS, the score per aspect id (absent or blank: skipped), the comment.
     * Text, not numbers, so that a wrong value can be shown back as it was typed.
     */
    public record Submission(String nps, Map<Long, String> scores, String comment) {

        public String score(Long aspectId) {
            return scores == null ? null : scores.get(aspectId);
        }

        public boolean isScore(Long aspectId, int value) {
            return String.valueOf(value).equals(score(aspectId));
        }

        public boolean isNps(int value) {
            return String.valueOf(value).equals(nps);
        }
    }

    @Inject
    SurveyInvitations invitations;

    @Inject
    SurveySetup setup;

    @Inject
    Clock clock;

    public Link open(String token) {
        SurveyInvitation invitation = invitations.byToken(token).orElse(null);
        if (invitation == null) {
            return Link.of(LinkState.UNKNOWN);
        }
        if (invitation.answeredAt != null) {
            return Link.of(LinkState.ANSWERED);
        }
        if (!invitation.expiresAt.isAfter(Instant.now(clock))) {
            return Link.of(LinkState.EXPIRED);
        }
        SurveySetup.Config config = setup.config(invitation.exhibitionId);
        if (!config.survey().open) {
            return Link.of(LinkState.CLOSED);
        }
        return new Link(LinkState.OPEN, invitation, config.active());
    }

    /**
     * Takes the answer of an open link and returns {@code OPEN}; any other state is returned as it is
     * and nothing is stored. Invalid input is a {@link ProblemException} with field errors
     * ({@code nps}, {@code score-<aspect id>}, {@code comment}). Of two submits of one link at the
     * same time, the conditional update lets exactly one through; the other sees {@code ANSWERED}.
     */
    public LinkState answer(String token, Submission submission, Locale language) {
        Link link = open(token);
        if (link.state() != LinkState.OPEN) {
            return link.state();
        }
        List<FieldError> errors = new ArrayList<>();
        Integer nps = number(submission.nps(), "nps", 0, 10, true, errors);
        Map<Long, Integer> scores = new LinkedHashMap<>();
        for (SurveyAspect aspect : link.aspects()) {
            Integer score = number(submission.score(aspect.id), "score-" + aspect.id, 1, 5, false, errors);
            if (score != null) {
                scores.put(aspect.id, score);
            }
        }
        String comment = FieldChecks.text(submission.comment(), "comment", COMMENT_MAX, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SurveyInvitation invitation = link.invitation();
        Instant now = Instant.now(clock);
        int taken = SurveyInvitation.update("answeredAt = ?1 where id = ?2 and answeredAt is null", now,
                invitation.id);
        if (taken == 0) {
            return LinkState.ANSWERED;
        }
        SurveyAnswer answer = new SurveyAnswer();
        answer.invitationId = invitation.id;
        answer.exhibitionId = invitation.exhibitionId;
        answer.personId = invitation.personId;
        answer.organizationId = invitation.organizationId;
        answer.role = invitation.role;
        answer.nps = nps;
        answer.comment = comment;
        answer.language = language.toLanguageTag();
        answer.answeredAt = now;
        answer.persist();
        scores.forEach((aspectId, value) -> {
            SurveyScore score = new SurveyScore();
            score.answerId = answer.id;
            score.aspectId = aspectId;
            score.score = value;
            score.persist();
        });
        return LinkState.OPEN;
    }

    private static Integer number(String value, String field, int min, int max, boolean required,
                                  List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "field_required"));
            }
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like any other value out of range
        }
        errors.add(new FieldError(field, max == 10 ? "survey_npsRange" : "survey_scoreRange"));
        return null;
    }
}
