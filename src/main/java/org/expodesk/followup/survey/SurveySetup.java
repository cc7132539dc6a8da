package org.expodesk.followup.survey;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An edition's survey and its aspects as staff configure them. The survey is made, open and with
 * the default aspects, the first time anyone needs it.
 */
@ApplicationScoped
@Transactional
public class SurveySetup {

    /** What a new survey asks about, in order: code, English, Chinese. */
    static final List<List<String>> DEFAULT_ASPECTS = List.of(
            List.of("organization", "Organization of the show", "展会组织"),
            List.of("visitors", "Quality of the visitors", "观众质量"),
            List.of("venue", "Venue", "场馆"),
            List.of("services", "Services", "服务"));

    /** A survey with its aspects in order, and which aspects answers already score (those cannot be removed). */
    public record Config(Survey survey, List<SurveyAspect> aspects, Set<Long> scored) {

        public List<SurveyAspect> active() {
            return aspects.stream().filter(a -> a.active).toList();
        }

        public boolean isScored(SurveyAspect aspect) {
            return scored.contains(aspect.id);
        }
    }

    /** One aspect in a whole-config change: with {@code id} an existing one, without a new one. */
    public record AspectChange(Long id, String labelEn, String labelZh, Boolean active) {
    }

    /** A whole-config change; {@code version} is the survey's version last read (stale → 409). */
    public record ConfigChange(Long version, Boolean open, List<AspectChange> aspects) {
    }

    @Inject
    ExhibitionService exhibitions;

    public Config config(long exhibitionId) {
        Survey survey = survey(exhibitionId);
        List<SurveyAspect> aspects = SurveyAspect.list("surveyId", Sort.ascending("sortOrder", "id"), survey.id);
        List<Long> scored = SurveyAspect.getEntityManager().createQuery(
                        "select distinct s.aspectId from SurveyScore s where s.aspectId in :ids", Long.class)
                .setParameter("ids", aspects.isEmpty() ? List.of(-1L) : aspects.stream().map(a -> a.id).toList())
                .getResultList();
        return new Config(survey, aspects, new HashSet<>(scored));
    }

    /** The survey of an edition, made with the default aspects if it has none yet; 404 for no such edition. */
    public Survey survey(long exhibitionId) {
        exhibitions.get(exhibitionId);
        return Survey.<Survey>find("exhibitionId", exhibitionId).firstResultOptional().orElseGet(() -> {
            Survey survey = new Survey();
            survey.exhibitionId = exhibitionId;
            survey.persist();
            int order = 0;
            for (List<String> d : DEFAULT_ASPECTS) {
                SurveyAspect aspect = new SurveyAspect();
                aspect.surveyId = survey.id;
                aspect.code = d.get(0);
                aspect.labelEn = d.get(1);
                aspect.labelZh = d.get(2);
                aspect.sortOrder = order += 10;
                aspect.persist();
            }
            return survey;
        });
    }

    public Survey setOpen(long exhibitionId, boolean open) {
        Survey survey = survey(exhibitionId);
        survey.open = open;
        return survey;
    }

    public SurveyAspect addAspect(long exhibitionId, String labelEn, String labelZh) {
        Survey survey = survey(exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        String en = FieldChecks.text(labelEn, "labelEn", 200, true, errors);
        String zh = FieldChecks.text(labelZh, "labelZh", 200, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return add(survey, en, zh);
    }

    public SurveyAspect renameAspect(long exhibitionId, long aspectId, String labelEn, String labelZh) {
        SurveyAspect aspect = aspect(exhibitionId, aspectId);
        List<FieldError> errors = new ArrayList<>();
        String en = FieldChecks.text(labelEn, "labelEn", 200, true, errors);
        String zh = FieldChecks.text(labelZh, "labelZh", 200, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        aspect.labelEn = en;
        aspect.labelZh = zh;
        return aspect;
    }

    public SurveyAspect setAspectActive(long exhibitionId, long aspectId, boolean active) {
        SurveyAspect aspect = aspect(exhibitionId, aspectId);
        aspect.active = active;
        return aspect;
    }

    /** Removes an aspect no answer scores yet; one that answers score can only be deactivated (409). */
    public void removeAspect(long exhibitionId, long aspectId) {
        remove(aspect(exhibitionId, aspectId));
    }

    /**
     * Replaces the whole configuration: open or not, and the aspects in the order given (existing
     * ones by id, new ones without); an aspect left out is removed, which answers may forbid (409).
     */
    public Config replace(long exhibitionId, ConfigChange change) {
        Survey survey = survey(exhibitionId);
        if (change.version() == null) {
            throw ProblemException.invalid("version", "field_required");
        }
        // the row lock (plain SQL: MariaDB does not know Hibernate's "FOR UPDATE OF") makes two editors wait
        // for each other, so that the second one sees the first one's version
        Survey.getEntityManager().createNativeQuery("SELECT id FROM survey WHERE id = ?1 FOR UPDATE")
                .setParameter(1, survey.id).getResultList();
        Survey.getEntityManager().refresh(survey);
        if (change.version() != survey.version) {
            throw ProblemException.conflict("survey_changedMeanwhile");
        }
        List<AspectChange> wanted = change.aspects() == null ? List.of() : change.aspects();
        List<FieldError> errors = new ArrayList<>();
        List<SurveyAspect> existing = SurveyAspect.list("surveyId", survey.id);
        for (int i = 0; i < wanted.size(); i++) {
            AspectChange a = wanted.get(i);
            FieldChecks.text(a.labelEn(), "aspects[" + i + "].labelEn", 200, true, errors);
            FieldChecks.text(a.labelZh(), "aspects[" + i + "].labelZh", 200, true, errors);
            if (a.id() != null && existing.stream().noneMatch(e -> e.id.equals(a.id()))) {
                errors.add(new FieldError("aspects[" + i + "].id", "survey_aspectUnknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<Long> kept = new HashSet<>();
        int order = 0;
        for (AspectChange a : wanted) {
            SurveyAspect aspect = a.id() == null ? add(survey, a.labelEn().trim(), a.labelZh().trim())
                    : existing.stream().filter(e -> e.id.equals(a.id())).findFirst().orElseThrow();
            aspect.labelEn = a.labelEn().trim();
            aspect.labelZh = a.labelZh().trim();
            aspect.active = a.active() == null || a.active();
            aspect.sortOrder = order += 10;
            kept.add(aspect.id);
        }
        for (SurveyAspect gone : existing) {
            if (!kept.contains(gone.id)) {
                remove(gone);
            }
        }
        if (change.open() != null) {
            survey.open = change.open();
        }
        // a change of the aspects alone must move the survey's version too
        Survey.getEntityManager().flush();
        Survey.getEntityManager().createNativeQuery("UPDATE survey SET version = version + 1 WHERE id = ?1")
                .setParameter(1, survey.id).executeUpdate();
        Survey.getEntityManager().refresh(survey);
        return config(exhibitionId);
    }

    private SurveyAspect add(Survey survey, String labelEn, String labelZh) {
        SurveyAspect aspect = new SurveyAspect();
        aspect.surveyId = survey.id;
        Integer last = SurveyAspect.getEntityManager()
                .createQuery("select max(a.sortOrder) from SurveyAspect a where a.surveyId = :s", Integer.class)
                .setParameter("s", survey.id).getSingleResult();
        aspect.sortOrder = (last == null ? 0 : last) + 10;
        aspect.code = "a" + (SurveyAspect.count("surveyId", survey.id) + 1);
        while (SurveyAspect.count("surveyId = ?1 and code = ?2", survey.id, aspect.code) > 0) {
            aspect.code = aspect.code + "x";
        }
        aspect.labelEn = labelEn;
        aspect.labelZh = labelZh;
        aspect.persist();
        return aspect;
    }

    private void remove(SurveyAspect aspect) {
        if (SurveyScore.count("aspectId", aspect.id) > 0) {
            throw ProblemException.conflict("survey_aspectAnswered");
        }
        aspect.delete();
    }

    private SurveyAspect aspect(long exhibitionId, long aspectId) {
        Survey survey = survey(exhibitionId);
        SurveyAspect aspect = SurveyAspect.findById(aspectId);
        if (aspect == null || !aspect.surveyId.equals(survey.id)) {
            throw ProblemException.notFound("Survey aspect");
        }
        return aspect;
    }
}
