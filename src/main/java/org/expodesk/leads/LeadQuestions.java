package org.expodesk.leads;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An exhibitor's own qualifying questions per edition: a few, each text, single choice or yes/no. */
@ApplicationScoped
@Transactional
public class LeadQuestions {

    public static final int MAX_QUESTIONS = 10;
    static final int MAX_CHOICES = 12;

    @Inject
    Exhibiting exhibiting;

    public record NewQuestion(String kind, String label, List<String> choices) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LeadQuestion> of(long organizationId, long exhibitionId) {
        return LeadQuestion.list("organizationId = ?1 and exhibitionId = ?2", Sort.ascending("position", "id"),
                organizationId, exhibitionId);
    }

    public LeadQuestion add(long organizationId, long exhibitionId, NewQuestion q) {
        exhibiting.require(organizationId, exhibitionId);
        List<FieldError> errors = new ArrayList<>();
        LeadQuestion question = new LeadQuestion();
        question.exhibitionId = exhibitionId;
        question.organizationId = organizationId;
        question.kind = kind(q.kind(), errors);
        question.label = FieldChecks.text(q.label(), "label", 200, true, errors);
        List<String> choices = q.choices() == null ? List.of() : q.choices().stream()
                .filter(c -> c != null && !c.isBlank()).map(String::trim).distinct().toList();
        if (question.kind == QuestionKind.CHOICE) {
            if (choices.size() < 2 || choices.size() > MAX_CHOICES) {
                errors.add(new FieldError("choices", "leads_choicesCount"));
            } else if (choices.stream().anyMatch(c -> c.length() > 80)) {
                errors.add(new FieldError("choices", "leads_choiceTooLong"));
            } else {
                question.choices = String.join("\n", choices);
            }
        }
        List<LeadQuestion> existing = of(organizationId, exhibitionId);
        if (existing.size() >= MAX_QUESTIONS) {
            errors.add(new FieldError("label", "leads_tooManyQuestions"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        question.position = existing.isEmpty() ? 1 : existing.get(existing.size() - 1).position + 1;
        question.persist();
        return question;
    }

    /** Removes the organization's question; answers already given to it are no longer shown. */
    public void remove(long organizationId, long exhibitionId, long questionId) {
        LeadQuestion q = LeadQuestion.findById(questionId);
        if (q == null || !q.organizationId.equals(organizationId) || !q.exhibitionId.equals(exhibitionId)) {
            throw ProblemException.notFound("Question");
        }
        q.delete();
    }

    private static QuestionKind kind(String value, List<FieldError> errors) {
        try {
            return QuestionKind.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "leads_choiceInvalid"));
            return null;
        }
    }
}
