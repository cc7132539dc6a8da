package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.CodeSetConverter;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Entry policies by category code; a category without one is {@link EntryPolicy#DEFAULT}. */
@ApplicationScoped
@Transactional
public class EntryPolicies {

    public record Setting(String category, EntryPolicy policy) {
    }

    @Inject
    ExhibitionService exhibitions;

    /** Category code to policy, sorted by code; only the categories that have one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, EntryPolicy> of(long exhibitionId) {
        Map<String, EntryPolicy> policies = new TreeMap<>();
        for (CategoryPolicy row : CategoryPolicy.<CategoryPolicy>list("exhibitionId", exhibitionId)) {
            policies.put(row.category, row.policy);
        }
        return policies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EntryPolicy forCategory(long exhibitionId, String category) {
        // the policy alone: every online scan asks, and loading the audited entity costs more
        return CategoryPolicy.getEntityManager().createQuery("select p.policy from CategoryPolicy p "
                        + "where p.exhibitionId = :e and p.category = :c", EntryPolicy.class)
                .setParameter("e", exhibitionId).setParameter("c", category).getResultStream()
                .findFirst().orElse(EntryPolicy.DEFAULT);
    }

    /** Replaces the edition's policies: categories left out fall back to the default. */
    public Map<String, EntryPolicy> replace(long exhibitionId, List<Setting> settings) {
        exhibitions.get(exhibitionId);
        Map<String, EntryPolicy> wanted = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < settings.size(); i++) {
            Setting setting = settings.get(i);
            String code = setting == null || setting.category() == null ? ""
                    : setting.category().trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty() || !CodeSetConverter.valid(Set.of(code))) {
                errors.add(new FieldError("items[" + i + "].category", "checkin_codesInvalid"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError("items[" + i + "].category", "checkin_categoryTwice"));
            }
            if (setting == null || setting.policy() == null) {
                errors.add(new FieldError("items[" + i + "].policy", "field_required"));
            }
            if (setting != null) {
                wanted.put(code, setting.policy());
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (CategoryPolicy row : CategoryPolicy.<CategoryPolicy>list("exhibitionId", exhibitionId)) {
            EntryPolicy policy = wanted.remove(row.category);
            if (policy == null) {
                row.delete();
            } else if (policy != row.policy) {
                row.policy = policy;
            }
        }
        wanted.forEach((category, policy) -> {
            CategoryPolicy row = new CategoryPolicy();
            row.exhibitionId = exhibitionId;
            row.category = category;
            row.policy = policy;
            row.persist();
        });
        return of(exhibitionId);
    }
}
