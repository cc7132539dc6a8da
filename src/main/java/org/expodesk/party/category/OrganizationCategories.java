package org.expodesk.party.category;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.party.Organizations;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Which product categories each organization is in. */
@ApplicationScoped
@Transactional
public class OrganizationCategories {

    @Inject
    Organizations organizations;

    @Inject
    ProductCategories taxonomy;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /**
     * Creates (or recognises) an organization and gives it these categories, all or nothing. The
     * create goes first: it must start the transaction (see {@link Organizations#createOrMatch}).
     */
    public Organizations.Created createWith(Organizations.NewOrganization r, Collection<String> codes) {
        Organizations.Created created = organizations.createOrMatch(r);
        if (!codes.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(codesOf(created.organization().id));
            all.addAll(codes);
            set(created.organization().id, all);
        }
        return created;
    }

    /**
     * Gives a live organization exactly these categories; an unknown code, or a retired one it did
     * not have, changes nothing and is a field error on {@code categories}. Audited on the organization.
     */
    public void set(long organizationId, Collection<String> codes) {
        if (!organizations.exists(organizationId)) {
            throw ProblemException.notFound("Organization");
        }
        List<ProductCategory> before = of(organizationId);
        Set<Long> held = before.stream().map(c -> c.id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        List<ProductCategory> chosen = taxonomy.choose(codes, held, "categories", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.of(errors.get(0)));
        }
        List<String> from = before.stream().map(c -> c.code).sorted().toList();
        List<String> to = chosen.stream().map(c -> c.code).sorted().toList();
        if (from.equals(to)) {
            return;
        }
        OrganizationCategory.delete("organizationId", organizationId);
        for (ProductCategory c : chosen) {
            OrganizationCategory link = new OrganizationCategory();
            link.organizationId = organizationId;
            link.categoryId = c.id;
            link.persist();
        }
        audit.record(AuditAction.UPDATE, "Organization", String.valueOf(organizationId),
                "categories " + from + " -> " + to);
    }

    /** The categories of an organization, in taxonomy order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProductCategory> of(long organizationId) {
        return ProductCategory.list("id in (select oc.categoryId from OrganizationCategory oc"
                + " where oc.organizationId = ?1)", Sort.ascending("sortOrder", "code"), organizationId);
    }

    /** The codes of an organization's categories, alphabetically. */
    public static List<String> codesOf(long organizationId) {
        return ProductCategory.<ProductCategory>list("id in (select oc.categoryId from OrganizationCategory oc"
                + " where oc.organizationId = ?1)", Sort.ascending("code"), organizationId).stream()
                .map(c -> c.code).toList();
    }

    /** Codes per organization for a page of organizations, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<String>> codesOf(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select oc.organizationId, c.code from OrganizationCategory oc,"
                        + " ProductCategory c where c.id = oc.categoryId and oc.organizationId in ?1 order by c.code",
                        Object[].class)
                .setParameter(1, organizationIds).getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (Long) r[0],
                Collectors.mapping(r -> (String) r[1], Collectors.toList())));
    }
}
