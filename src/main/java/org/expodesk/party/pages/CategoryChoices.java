package org.expodesk.party.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.expodesk.party.category.OrganizationCategories;
import org.expodesk.party.category.ProductCategories;
import org.expodesk.party.category.ProductCategory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The organization page's categories block: {@code inject:organizationCategories.of(id)} gives
 * every category that may be ticked (active ones, and retired ones the organization has).
 */
@ApplicationScoped
@Named("organizationCategories")
public class CategoryChoices {

    public record Choice(ProductCategory category, boolean held) {
    }

    @Inject
    ProductCategories taxonomy;

    @Inject
    OrganizationCategories categories;

    public List<Choice> of(long organizationId) {
        Set<Long> held = categories.of(organizationId).stream().map(c -> c.id).collect(Collectors.toSet());
        return taxonomy.all().stream().filter(c -> c.active || held.contains(c.id))
                .map(c -> new Choice(c, held.contains(c.id))).toList();
    }
}
