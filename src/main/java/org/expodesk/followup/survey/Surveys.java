package org.expodesk.followup.survey;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.ParticipationRole;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What respondents said: an edition's results (NPS, averages per aspect, response rate, comments,
 * split by exhibitors and visitors) and the answers of a person or an organization, for customer
 * value scoring. The method is in docs/survey.md.
 */
@ApplicationScoped
@Transactional
public class Surveys {

    /** Which side of the show a participation role is on, for the split of the results. */
    public enum Side {
        EXHIBITORS(EnumSet.of(ParticipationRole.EXHIBITOR, ParticipationRole.EXHIBITOR_STAFF,
                ParticipationRole.SPONSOR)),
        VISITORS(EnumSet.of(ParticipationRole.VISITOR, ParticipationRole.PROFESSIONAL_VISITOR,
                ParticipationRole.BUYER)),
        OTHERS(EnumSet.of(ParticipationRole.PARTNER, ParticipationRole.PRESS, ParticipationRole.SPEAKER));

        private final Set<ParticipationRole> roles;

        Side(Set<ParticipationRole> roles) {
            this.roles = roles;
        }

        public static Side of(ParticipationRole role) {
            for (Side side : values()) {
                if (side.roles.contains(role)) {
                    return side;
                }
            }
            return OTHERS;
        }
    }

    /** An aspect's average score (2 decimals) over the answers that scored it; null when none did. */
    public record AspectAverage(SurveyAspect aspect, long scores, BigDecimal average) {
    }

    /**
     * Figures of a set of answers: NPS in percentage points and the response rate in percent, both
     * with one decimal, null without answers (or invitations).
     */
    public record Figures(long invitations, long answers, BigDecimal responseRate, long promoters, long passives,
                         long detractors, BigDecimal nps, List<AspectAverage> aspects) {
    }

    public record SideFigures(Side side, Figures figures) {
    }

    public record Comment(long answerId, long personId, Long organizationId, ParticipationRole role, int nps,
                          String language, Instant answeredAt, String text) {
    }

    public record Results(long exhibitionId, Figures all, List<SideFigures> sides, List<Comment> comments) {
    }

    /** An answer with its scores by aspect code, as customer value scoring reads it. */
    public record AnswerView(long id, long exhibitionId, long personId, Long organizationId, ParticipationRole role,
                             int nps, Map<String, Integer> scores, String comment, String language,
                             Instant answeredAt) {
    }

    @Inject
    SurveySetup setup;

    public Results results(long exhibitionId) {
        SurveySetup.Config config = setup.config(exhibitionId);
        List<SurveyAnswer> answers = SurveyAnswer.list("exhibitionId", Sort.descending("answeredAt", "id"),
                exhibitionId);
        Map<Long, List<SurveyScore>> scores = scoresOf(answers);
        Map<ParticipationRole, Long> invited = new HashMap<>();
        SurveyInvitation.getEntityManager().createQuery("select i.role, count(i) from SurveyInvitation i"
                        + " where i.exhibitionId = :e group by i.role", Object[].class)
                .setParameter("e", exhibitionId).getResultList()
                .forEach(row -> invited.put((ParticipationRole) row[0], (Long) row[1]));
        // an aspect no longer asked stays in the results as long as answers score it
        Set<Long> scored = scores.values().stream().flatMap(List::stream).map(s -> s.aspectId)
                .collect(Collectors.toSet());
        List<SurveyAspect> shown = config.aspects().stream().filter(a -> a.active || scored.contains(a.id)).toList();
        Figures all = figures(shown, answers, scores, invited, r -> true);
        List<SideFigures> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            sides.add(new SideFigures(side, figures(shown, answers, scores, invited,
                    r -> Side.of(r) == side)));
        }
        List<Comment> comments = answers.stream().filter(a -> a.comment != null)
                .map(a -> new Comment(a.id, a.personId, a.organizationId, a.role, a.nps, a.language, a.answeredAt,
                        a.comment))
                .toList();
        return new Results(exhibitionId, all, sides, comments);
    }

    /** The answers of an edition, newest first, with their scores by aspect code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnswerView> answers(long exhibitionId) {
        return views(SurveyAnswer.list("exhibitionId", Sort.descending("answeredAt", "id"), exhibitionId));
    }

    /** Everything a person answered, at every edition, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnswerView> answersOf(long personId) {
        return views(SurveyAnswer.list("personId", Sort.descending("answeredAt", "id"), personId));
    }

    /** Everything the people of an organization answered for it, at every edition, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnswerView> ofOrganization(long organizationId) {
        return views(SurveyAnswer.list("organizationId", Sort.descending("answeredAt", "id"), organizationId));
    }

    /** NPS in percentage points, one decimal, half up: promoters (9–10) minus detractors (0–6). */
    static BigDecimal nps(long promoters, long detractors, long answers) {
        return answers == 0 ? null : percent(promoters - detractors, answers);
    }

    private static Figures figures(List<SurveyAspect> aspects, List<SurveyAnswer> answers,
                                   Map<Long, List<SurveyScore>> scores, Map<ParticipationRole, Long> invited,
                                   Predicate<ParticipationRole> counted) {
        List<SurveyAnswer> mine = answers.stream().filter(a -> counted.test(a.role)).toList();
        long invitations = invited.entrySet().stream().filter(e -> counted.test(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long promoters = mine.stream().filter(a -> a.nps >= 9).count();
        long detractors = mine.stream().filter(a -> a.nps <= 6).count();
        List<AspectAverage> averages = new ArrayList<>();
        for (SurveyAspect aspect : aspects) {
            List<Integer> values = mine.stream().flatMap(a -> scores.getOrDefault(a.id, List.of()).stream())
                    .filter(s -> s.aspectId.equals(aspect.id)).map(s -> s.score).toList();
            BigDecimal average = values.isEmpty() ? null : BigDecimal.valueOf(values.stream().mapToInt(v -> v).sum())
                    .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
            averages.add(new AspectAverage(aspect, values.size(), average));
        }
        return new Figures(invitations, mine.size(), invitations == 0 ? null : percent(mine.size(), invitations),
                promoters, mine.size() - promoters - detractors, detractors, nps(promoters, detractors, mine.size()),
                averages);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static Map<Long, List<SurveyScore>> scoresOf(List<SurveyAnswer> answers) {
        if (answers.isEmpty()) {
            return Map.of();
        }
        List<SurveyScore> scores = SurveyScore.list("answerId in ?1", answers.stream().map(a -> a.id).toList());
        return scores.stream().collect(Collectors.groupingBy(s -> s.answerId));
    }

    private List<AnswerView> views(List<SurveyAnswer> answers) {
        Map<Long, List<SurveyScore>> scores = scoresOf(answers);
        Map<Long, String> codes = new HashMap<>();
        scores.values().stream().flatMap(List::stream).map(s -> s.aspectId).distinct()
                .forEach(id -> codes.put(id, SurveyAspect.<SurveyAspect>findById(id).code));
        return answers.stream().map(a -> {
            Map<String, Integer> byCode = new java.util.LinkedHashMap<>();
            scores.getOrDefault(a.id, List.of()).forEach(s -> byCode.put(codes.get(s.aspectId), s.score));
            return new AnswerView(a.id, a.exhibitionId, a.personId, a.organizationId, a.role, a.nps, byCode,
                    a.comment, a.language, a.answeredAt);
        }).toList();
    }
}
