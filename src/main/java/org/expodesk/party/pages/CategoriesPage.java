package org.expodesk.party.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.category.ProductCategories;
import org.expodesk.party.category.ProductCategory;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** The product-category taxonomy: each category with its sub-categories, a new one, renaming, retiring. */
@Path("/customers/categories")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class CategoriesPage {

    public record CategoryForm(String code, String nameEn, String nameZh, String parent, String sortOrder) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance categories(List<ProductCategory> categories, CategoryForm form,
                                                  Map<String, String> errors);
    }

    @Inject
    ProductCategories taxonomy;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show() {
        return Templates.categories(taxonomy.all(), new CategoryForm("", "", "", "", ""), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String code, @RestForm String nameEn, @RestForm String nameZh,
                           @RestForm String parent, @RestForm String sortOrder) {
        CategoryForm form = new CategoryForm(code, nameEn, nameZh, parent, sortOrder);
        FormErrors errors = new FormErrors(locale.get());
        Integer order = number(sortOrder, "sortOrder", errors);
        if (errors.isEmpty()) {
            try {
                taxonomy.create(new ProductCategories.NewCategory(code, nameEn, nameZh, parent, order));
                return Pages.redirectWithFlash("/customers/categories", "party_categoryCreated");
            } catch (ProblemException refused) {
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(Templates.categories(taxonomy.all(), form, errors.map())).build();
    }

    /** Renames, re-sorts, retires or reactivates one category. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") long id, @RestForm String nameEn, @RestForm String nameZh,
                           @RestForm String sortOrder, @RestForm String active, @RestForm Long version) {
        FormErrors errors = new FormErrors(locale.get());
        Integer order = number(sortOrder, "sortOrder", errors);
        if (errors.isEmpty()) {
            try {
                taxonomy.change(id, new ProductCategories.Change(nameEn, nameZh, order,
                        active == null ? null : Boolean.valueOf(active), version));
                return Pages.redirectWithFlash("/customers/categories", "party_categorySaved");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                errors.addAll(refused);
            }
        }
        return Response.status(400).entity(Templates.categories(taxonomy.all(), new CategoryForm("", "", "", "", ""),
                errors.map())).build();
    }

    private static Integer number(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "party_numberInvalid");
            return null;
        }
    }
}
