package org.expodesk.party.pages;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.category.OrganizationCategories;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The organization page's form for its product categories. */
@Path("/customers/organizations/{id}/categories")
@RolesAllowed(Roles.STAFF)
public class OrganizationCategoriesPage {

    @Inject
    OrganizationCategories categories;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(@PathParam("id") long id, @RestForm List<String> categories) {
        String to = "/customers/organizations/" + id;
        try {
            this.categories.set(id, categories == null ? List.of() : categories);
            return Pages.redirectWithFlash(to, "party_categoriesSaved");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            return Pages.redirectWithFlash(to, "party_categoryRetired");
        }
    }
}
