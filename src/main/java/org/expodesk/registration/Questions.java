package org.expodesk.registration;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The custom questions of a category: staff edit them, registrants' answers are checked against them. */
@ApplicationScoped
@Transactional
public class Questions {

    static final int TEXT_MAX = 1000;

    /**
     * A question as staff write it; {@code options} one a line as {@code value|English|Chinese};
     * {@code shownIfCode}/{@code shownIfAnswer}: asked only after that answer to that question.
     */
    public record QuestionChange(String code, String kind, String labelEn, String labelZh, String options,
                                 Boolean required, String shownIfCode, String shownIfAnswer, Integer sortOrder) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationQuestion> of(long categoryId) {
        return RegistrationQuestion.list("categoryId", Sort.ascending("sortOrder", "id"), categoryId);
    }

    public RegistrationQuestion add(long categoryId, QuestionChange change) {
        RegistrationQuestion q = new RegistrationQuestion();
        q.categoryId = categoryId;
        List<FieldError> errors = new ArrayList<>();
        String code = FieldChecks.text(change.code(), "code", 32, true, errors);
        if (code != null && !code.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
            errors.add(new FieldError("code", "registration_codeInvalid"));
        } else if (code != null && RegistrationQuestion.count("categoryId = ?1 and code = ?2", categoryId, code) > 0) {
            errors.add(new FieldError("code", "registration_codeTaken"));
        }
        q.code = code;
        apply(q, change, errors);
        if (change.sortOrder() == null) {
            Integer last = RegistrationQuestion.getEntityManager().createQuery(
                            "select max(q.sortOrder) from RegistrationQuestion q where q.categoryId = :c", Integer.class)
                    .setParameter("c", categoryId).getSingleResult();
            q.sortOrder = (last == null ? 0 : last) + 10;
        }
        q.persist();
        return q;
    }

    /** Changes a question; its code stays (answers are stored by it). */
    public RegistrationQuestion update(long questionId, QuestionChange change) {
        RegistrationQuestion q = get(questionId);
        List<FieldError> errors = new ArrayList<>();
        apply(q, change, errors);
        return q;
    }

    public void remove(long questionId) {
        RegistrationQuestion q = get(questionId);
        if (RegistrationQuestion.count("categoryId = ?1 and shownIfCode = ?2", q.categoryId, q.code) > 0) {
            throw ProblemException.conflict("registration_questionIsCondition");
        }
        q.delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegistrationQuestion get(long questionId) {
        RegistrationQuestion q = RegistrationQuestion.findById(questionId);
        if (q == null) {
            throw ProblemException.notFound("Question");
        }
        return q;
    }

    /**
     * The answers to keep, by question code: the questions asked (a conditional one only when its
     * condition holds) in their normal form, text or a list of choice values. Adds an error per bad
     * answer under {@code answers.<code>}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> check(long categoryId, Map<String, Object> given, List<FieldError> errors) {
        return check(of(categoryId), given, errors);
    }

    /** {@link #check(long, Map, List)} against the category's questions as the caller has them, in order. */
    public Map<String, Object> check(List<RegistrationQuestion> asked, Map<String, Object> given,
                                     List<FieldError> errors) {
        Map<String, Object> answers = given == null ? Map.of() : given;
        Set<String> codes = new java.util.HashSet<>(asked.stream().map(q -> q.code).toList());
        for (String code : answers.keySet()) {
            if (!codes.contains(code)) {
                errors.add(new FieldError("answers." + code, "registration_questionUnknown"));
            }
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (RegistrationQuestion q : asked) {
            if (q.isConditional() && !holds(kept.get(q.shownIfCode), q.shownIfAnswer)) {
                continue;
            }
            String field = "answers." + q.code;
            Object answer = answers.get(q.code);
            List<String> values = values(answer);
            if (values.isEmpty()) {
                if (q.required) {
                    errors.add(new FieldError(field, "field_required"));
                }
                continue;
            }
            switch (q.kind) {
                case TEXT -> {
                    String text = String.join(", ", values);
                    if (text.length() > TEXT_MAX) {
                        errors.add(new FieldError(field, "field_tooLong"));
                    } else {
                        kept.put(q.code, text);
                    }
                }
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                    Set<String> allowed = new java.util.HashSet<>(q.optionList().stream()
                            .map(RegistrationQuestion.Option::value).toList());
                    if (!allowed.containsAll(values) || (q.kind == RegistrationQuestion.Kind.SINGLE_CHOICE
                            && values.size() > 1)) {
                        errors.add(new FieldError(field, "registration_choiceInvalid"));
                    } else {
                        kept.put(q.code, q.kind == RegistrationQuestion.Kind.SINGLE_CHOICE ? values.get(0)
                                : values.stream().distinct().toList());
                    }
                }
                case COUNTRY -> {
                    String country = values.get(0).toUpperCase(Locale.ROOT);
                    if (values.size() > 1 || !Registrations.COUNTRIES.contains(country)) {
                        errors.add(new FieldError(field, "party_countryInvalid"));
                    } else {
                        kept.put(q.code, country);
                    }
                }
                case YES_NO -> {
                    String yesNo = values.get(0).toLowerCase(Locale.ROOT);
                    yesNo = "true".equals(yesNo) ? "yes" : "false".equals(yesNo) ? "no" : yesNo;
                    if (values.size() > 1 || !(yesNo.equals("yes") || yesNo.equals("no"))) {
                        errors.add(new FieldError(field, "registration_yesNoInvalid"));
                    } else {
                        kept.put(q.code, yesNo);
                    }
                }
            }
        }
        return kept;
    }

    /** Whether an answer (text or list) is, or includes, the expected value. */
    static boolean holds(Object answer, String expected) {
        if (answer == null) {
            return false;
        }
        return values(answer).stream().anyMatch(v -> v.equalsIgnoreCase(expected));
    }

    private static List<String> values(Object answer) {
        if (answer == null) {
            return List.of();
        }
        Collection<?> raw = answer instanceof Collection<?> c ? c : List.of(answer);
        return raw.stream().filter(Objects::nonNull).map(v -> v.toString().trim()).filter(v -> !v.isEmpty()).toList();
    }

    private static void apply(RegistrationQuestion q, QuestionChange c, List<FieldError> errors) {
        if (c.kind() != null || q.kind == null) {
            try {
                q.kind = RegistrationQuestion.Kind.valueOf(c.kind() == null ? "" : c.kind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("kind", "registration_kindUnknown"));
            }
        }
        if (c.labelEn() != null || q.labelEn == null) {
            q.labelEn = FieldChecks.text(c.labelEn(), "labelEn", 300, true, errors);
        }
        if (c.labelZh() != null || q.labelZh == null) {
            q.labelZh = FieldChecks.text(c.labelZh(), "labelZh", 300, true, errors);
        }
        if (c.options() != null) {
            q.options = FieldChecks.text(c.options().replace("\r", ""), "options", 4000, false, errors);
        }
        if (q.kind == RegistrationQuestion.Kind.SINGLE_CHOICE || q.kind == RegistrationQuestion.Kind.MULTIPLE_CHOICE) {
            if (q.optionList().isEmpty()) {
                errors.add(new FieldError("options", "registration_optionsRequired"));
            }
        }
        if (c.required() != null) {
            q.required = c.required();
        }
        if (c.shownIfCode() != null) {
            String code = c.shownIfCode().isBlank() ? null : c.shownIfCode().trim();
            if (code != null && (code.equals(q.code) || RegistrationQuestion.count("categoryId = ?1 and code = ?2",
                    q.categoryId, code) == 0)) {
                errors.add(new FieldError("shownIfCode", "registration_conditionUnknown"));
            }
            q.shownIfCode = code;
            q.shownIfAnswer = FieldChecks.text(c.shownIfAnswer(), "shownIfAnswer", 100, code != null, errors);
        }
        if (c.sortOrder() != null) {
            q.sortOrder = c.sortOrder();
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
