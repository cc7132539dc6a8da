package org.expodesk.party.category;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The product-category taxonomy: staff manage it, everyone reads it. */
@ApplicationScoped
@Transactional
public class ProductCategories {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    public record NewCategory(String code, String nameEn, String nameZh, String parent, Integer sortOrder) {
    }

    /** A change; absent fields stay as they are. {@code version} is required. */
    public record Change(String nameEn, String nameZh, Integer sortOrder, Boolean active, Long version) {
    }

    public ProductCategory create(NewCategory r) {
        List<FieldError> errors = new ArrayList<>();
        ProductCategory c = new ProductCategory();
        String code = r.code() == null ? "" : r.code().trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "party_categoryCodeInvalid"));
        } else if (ProductCategory.count("code", code) > 0) {
            errors.add(new FieldError("code", "party_categoryCodeTaken"));
        }
        c.code = code;
        c.nameEn = FieldChecks.text(r.nameEn(), "nameEn", 200, true, errors);
        c.nameZh = FieldChecks.text(r.nameZh(), "nameZh", 200, true, errors);
        c.sortOrder = r.sortOrder() == null ? 0 : r.sortOrder();
        if (r.parent() != null && !r.parent().isBlank()) {
            ProductCategory parent = ProductCategory.<ProductCategory>find("code", r.parent().trim().toUpperCase(Locale.ROOT))
                    .firstResult();
            if (parent == null) {
                errors.add(new FieldError("parent", "party_categoryUnknown"));
            } else if (parent.parentId != null) {
                // two levels only: a sub-category has no children
                errors.add(new FieldError("parent", "party_categoryTooDeep"));
            } else {
                c.parentId = parent.id;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        c.persist();
        return c;
    }

    public ProductCategory change(long id, Change r) {
        ProductCategory c = get(id);
        List<FieldError> errors = new ArrayList<>();
        if (r.version() == null) {
            errors.add(new FieldError("version", "field_required"));
        } else if (r.version() != c.version) {
            throw ProblemException.conflict("party_changedMeanwhile");
        }
        String nameEn = r.nameEn() == null ? c.nameEn : FieldChecks.text(r.nameEn(), "nameEn", 200, true, errors);
        String nameZh = r.nameZh() == null ? c.nameZh : FieldChecks.text(r.nameZh(), "nameZh", 200, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        c.nameEn = nameEn;
        c.nameZh = nameZh;
        if (r.sortOrder() != null) {
            c.sortOrder = r.sortOrder();
        }
        if (r.active() != null) {
            c.active = r.active();
        }
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductCategory get(long id) {
        ProductCategory c = ProductCategory.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Product category");
        }
        return c;
    }

    /** The whole taxonomy, each top-level category followed by its sub-categories. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProductCategory> all() {
        List<ProductCategory> all = ProductCategory.listAll(Sort.ascending("sortOrder", "code"));
        List<ProductCategory> ordered = new ArrayList<>();
        for (ProductCategory top : all) {
            if (top.parentId == null) {
                ordered.add(top);
                all.stream().filter(c -> top.id.equals(c.parentId)).forEach(ordered::add);
            }
        }
        return ordered;
    }

    /**
     * Resolves codes to categories; an unknown code, or a retired one the organization does not
     * already have, is an error on {@code field}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProductCategory> choose(Collection<String> codes, Set<Long> alreadyHeld, String field,
                                        List<FieldError> errors) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String code : codes) {
            if (code != null && !code.isBlank()) {
                wanted.add(code.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<String, ProductCategory> found = ProductCategory.<ProductCategory>list("code in ?1", wanted).stream()
                .collect(Collectors.toMap(c -> c.code, Function.identity()));
        List<ProductCategory> chosen = new ArrayList<>();
        for (String code : wanted) {
            ProductCategory c = found.get(code);
            if (c == null) {
                errors.add(new FieldError(field, "party_categoryUnknown"));
            } else if (!c.active && !alreadyHeld.contains(c.id)) {
                errors.add(new FieldError(field, "party_categoryRetired"));
            } else {
                chosen.add(c);
            }
        }
        return chosen;
    }
}
