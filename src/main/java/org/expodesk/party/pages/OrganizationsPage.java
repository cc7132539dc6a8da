package org.expodesk.party.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartySearch;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** The customer database: search as you type, the newest organizations, a new one. */
@Path("/customers")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class OrganizationsPage {

    /** The new-organization form as typed. */
    public record OrgForm(String name, String nameLatin, String creditCode, String country, String city,
                          String website, String email, String phone, String industry) {

        static OrgForm empty() {
            return new OrgForm("", "", "", "CN", "", "", "", "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance customers(String q, List<PartySearch.Hit> hits, List<Organization> newest,
                                                 OrgForm form, Map<String, String> errors);

        static native TemplateInstance customers$results(String q, List<PartySearch.Hit> hits);
    }

    @Inject
    Organizations organizations;

    @Inject
    PartySearch search;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@QueryParam("q") String q, @HeaderParam("HX-Request") boolean htmx,
                                 @HeaderParam("HX-History-Restore-Request") boolean restore) {
        List<PartySearch.Hit> hits = search.search(q);
        if (htmx && !restore) {
            return Templates.customers$results(q, hits);
        }
        return Templates.customers(q, hits, organizations.list(null, null, 0, 20).items(), OrgForm.empty(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String nameLatin, @RestForm String creditCode,
                           @RestForm String country, @RestForm String city, @RestForm String website,
                           @RestForm String email, @RestForm String phone, @RestForm String industry) {
        OrgForm form = new OrgForm(name, nameLatin, creditCode, country, city, website, email, phone, industry);
        try {
            Organizations.Created created = organizations.createOrMatch(new Organizations.NewOrganization(name, nameLatin,
                    null, creditCode, country, null, city, null, website, email, phone, industry, null, null, null, null,
                    null));
            return Pages.redirectWithFlash("/customers/organizations/" + created.organization().id,
                    created.existing() ? "party_foundExisting" : created.possible().isEmpty() ? "party_created"
                            : "party_createdWithLookalikes");
        } catch (ProblemException refused) {
            return Response.status(400).entity(Templates.customers(null, List.of(),
                    organizations.list(null, null, 0, 20).items(), form,
                    new FormErrors(locale.get()).addAll(refused).map())).build();
        }
    }
}
