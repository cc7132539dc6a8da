package org.expodesk.followup;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.mail.MailTemplate;
import org.expodesk.mail.MailTemplates;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Follow-up rules of an edition: created from a kind's built-in templates, changed with the version
 * last read, and refused with field errors naming part and language when a template would not render.
 */
@ApplicationScoped
@Transactional
public class FollowUpRules {

    public static final int MAX_OFFSET_DAYS = 3650;

    /** One language's templates as typed; an empty html is none. */
    public record Part(String subject, String text, String html) {
    }

    public record Templates(Part en, Part zh) {
    }

    /**
     * A rule as a client sends it. On create, absent templates (or an absent language) start from
     * the kind's built-in ones; on a change they stay as they were. {@code version} is required on a
     * change (stale → 409).
     */
    public record NewRule(String kind, String name, String anchor, Integer offsetDays, Boolean enabled,
                          Templates templates, Long version) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RuleKinds kinds;

    @Inject
    MailTemplates mailTemplates;

    public FollowUpRule create(long exhibitionId, NewRule r) {
        exhibitions.get(exhibitionId);
        FollowUpRule rule = new FollowUpRule();
        rule.exhibitionId = exhibitionId;
        fill(rule, r, true);
        rule.persist();
        return rule;
    }

    public FollowUpRule update(long id, NewRule r) {
        FollowUpRule rule = get(id);
        if (r.version() == null) {
            throw ProblemException.invalid("version", "field_required");
        }
        if (r.version() != rule.version) {
            throw ProblemException.conflict("followup_changedMeanwhile");
        }
        fill(rule, r, false);
        return rule;
    }

    /** Turns a rule on or off, with the version last read. */
    public FollowUpRule enable(long id, boolean enabled, Long version) {
        FollowUpRule rule = get(id);
        if (version != null && version != rule.version) {
            throw ProblemException.conflict("followup_changedMeanwhile");
        }
        rule.enabled = enabled;
        return rule;
    }

    public void delete(long id) {
        get(id).delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUpRule get(long id) {
        FollowUpRule rule = FollowUpRule.findById(id);
        if (rule == null) {
            throw ProblemException.notFound("FollowUpRule");
        }
        return rule;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUpRule> of(long exhibitionId) {
        exhibitions.get(exhibitionId);
        return FollowUpRule.list("exhibitionId", Sort.ascending("anchor", "offsetDays", "id"), exhibitionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FollowUpRule> enabled() {
        return FollowUpRule.list("enabled = true", Sort.ascending("id"));
    }

    /** The kind's built-in templates, as a new rule's form starts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Templates defaults(String kindKey) {
        RuleKind kind = kinds.find(kindKey).orElseThrow(() -> ProblemException.invalid("kind", "followup_kindUnknown"));
        return new Templates(part(mailTemplates.builtIn(kind.templateName(), Locale.ENGLISH)),
                part(mailTemplates.builtIn(kind.templateName(), Locale.SIMPLIFIED_CHINESE)));
    }

    private void fill(FollowUpRule rule, NewRule r, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        String name = FieldChecks.text(r.name(), "name", 200, true, errors);
        RuleKind kind = null;
        if (r.kind() == null || r.kind().isBlank()) {
            errors.add(new FieldError("kind", "field_required"));
        } else {
            kind = kinds.find(r.kind().trim()).orElse(null);
            if (kind == null) {
                errors.add(new FieldError("kind", "followup_kindUnknown"));
            }
        }
        RuleAnchor anchor = null;
        if (r.anchor() == null || r.anchor().isBlank()) {
            errors.add(new FieldError("anchor", "field_required"));
        } else {
            try {
                anchor = RuleAnchor.valueOf(r.anchor().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("anchor", "followup_anchorInvalid"));
            }
        }
        if (r.offsetDays() == null) {
            errors.add(new FieldError("offsetDays", "field_required"));
        } else if (Math.abs(r.offsetDays()) > MAX_OFFSET_DAYS) {
            errors.add(new FieldError("offsetDays", "followup_offsetOutOfRange"));
        }
        Templates given = r.templates() == null ? new Templates(null, null) : r.templates();
        Part en = given.en() != null ? given.en() : kind != null && creating ? defaults(kind.key()).en()
                : creating ? null : part(rule.template("en"));
        Part zh = given.zh() != null ? given.zh() : kind != null && creating ? defaults(kind.key()).zh()
                : creating ? null : part(rule.template("zh"));
        MailTemplate templateEn = check("en", en, kind, errors);
        MailTemplate templateZh = check("zh", zh, kind, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        rule.name = name;
        rule.kind = kind.key();
        rule.anchor = anchor;
        rule.offsetDays = r.offsetDays();
        if (r.enabled() != null || creating) {
            rule.enabled = Boolean.TRUE.equals(r.enabled());
        }
        rule.subjectEn = templateEn.subject();
        rule.textEn = templateEn.text();
        rule.htmlEn = templateEn.html();
        rule.subjectZh = templateZh.subject();
        rule.textZh = templateZh.text();
        rule.htmlZh = templateZh.html();
    }

    /** The language's template, or null with field errors named {@code templates.<lang>.<part>}. */
    private MailTemplate check(String language, Part part, RuleKind kind, List<FieldError> errors) {
        if (part == null) {
            return null;
        }
        String prefix = "templates." + language + ".";
        int before = errors.size();
        if (part.subject() == null || part.subject().isBlank()) {
            errors.add(new FieldError(prefix + "subject", "field_required"));
        } else if (part.subject().length() > 500) {
            errors.add(new FieldError(prefix + "subject", "field_tooLong"));
        }
        if (part.text() == null || part.text().isBlank()) {
            errors.add(new FieldError(prefix + "text", "field_required"));
        }
        if (errors.size() > before) {
            return null;
        }
        MailTemplate template = new MailTemplate(part.subject(), part.text(), part.html());
        if (kind != null) {
            for (String problem : mailTemplates.problems(template, kind.sampleData())) {
                int colon = problem.indexOf(':');
                errors.add(new FieldError(prefix + problem.substring(0, colon), problem.substring(colon + 1).strip()));
            }
        }
        return template;
    }

    private static Part part(MailTemplate t) {
        return new Part(t.subject(), t.text(), t.html());
    }
}
