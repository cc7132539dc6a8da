package org.expodesk.registration.exhibitor.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.party.category.ProductCategories;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;
import org.expodesk.registration.exhibitor.BoothType;
import org.expodesk.registration.exhibitor.ExhibitorApplications;
import org.expodesk.registration.exhibitor.ExhibitorApplications.LinkState;
import org.expodesk.registration.exhibitor.ExhibitorApplications.Submission;
import org.expodesk.registration.exhibitor.api.PublicApplicationResource;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;

import java.util.List;
import java.util.Map;

/**
 * The public application form of an edition (no sign-in) and the page behind the confirmation link.
 * The link page asks before it confirms: mail scanners open links, people press buttons.
 */
@Path("/exhibit")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ApplicationPage {

    /** A product category as the form lists it, in the reader's language. */
    public record CategoryChoice(String code, String label, boolean sub) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Exhibition exhibition, Submission form, Map<String, String> errors,
                                            List<CategoryChoice> categories, List<BoothType> boothTypes);

        static native TemplateInstance thanks(Exhibition exhibition);

        static native TemplateInstance link(String token, String state, String messageKey);

        static native TemplateInstance confirmed(String username);
    }

    private static final List<BoothType> BOOTH_TYPES = List.of(BoothType.values());

    @Inject
    ExhibitorApplications applications;

    @Inject
    ProductCategories categories;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/{code}")
    public TemplateInstance show(@PathParam("code") String code) {
        String language = locale.get().getLanguage().equals("zh") ? "zh-CN" : "en";
        return Templates.form(applications.edition(code), new Submission(null, null, null, "CN", null, null, null,
                null, null, List.of(), null, null, null, null, null, language, null, null, null), Map.of(),
                choices(), BOOTH_TYPES);
    }

    @POST
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(@PathParam("code") String code, MultivaluedMap<String, String> form,
                          HttpServerRequest http) {
        rateLimiter.require(PublicApplicationResource.RATE_LIMIT, ClientAddress.of(http));
        Exhibition exhibition = applications.edition(code);
        String homepage = form.getFirst("homepage");
        if (homepage != null && !homepage.isBlank()) {
            return Pages.redirect("/exhibit/" + exhibition.code + "/thanks");
        }
        Submission submission = new Submission(form.getFirst("legalName"), form.getFirst("nameLatin"),
                form.getFirst("creditCode"), form.getFirst("country"), form.getFirst("city"), form.getFirst("address"),
                form.getFirst("website"), form.getFirst("companyPhone"), form.getFirst("industry"),
                form.get("categories") == null ? List.of() : form.get("categories"), form.getFirst("familyName"),
                form.getFirst("givenName"), form.getFirst("jobTitle"), form.getFirst("email"), form.getFirst("phone"),
                form.getFirst("language"), form.getFirst("boothSizeSqm"), form.getFirst("boothType"),
                "on".equals(form.getFirst("acceptTerms")) || "true".equals(form.getFirst("acceptTerms")));
        try {
            applications.submit(exhibition.id, submission);
            return Pages.redirect("/exhibit/" + exhibition.code + "/thanks");
        } catch (ProblemException invalid) {
            if (invalid.problem().status() != 400) {
                throw invalid;
            }
            return Response.status(400).entity(Templates.form(exhibition, submission,
                    new FormErrors(locale.get()).addAll(invalid).map(), choices(), BOOTH_TYPES)).build();
        }
    }

    @GET
    @Path("/{code}/thanks")
    public TemplateInstance thanks(@PathParam("code") String code) {
        return Templates.thanks(applications.edition(code));
    }

    @GET
    @Path("/confirm/{token}")
    public Response link(@PathParam("token") String token) {
        LinkState state = applications.peek(token);
        return Response.status(status(state)).entity(Templates.link(token, state.name(), "application_link_" + state.name())).build();
    }

    /** A new account goes on to choose its password; an organization's existing account signs in. */
    @POST
    @Path("/confirm/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("token") String token, HttpServerRequest http) {
        rateLimiter.require(PublicApplicationResource.RATE_LIMIT, ClientAddress.of(http));
        ExhibitorApplications.Confirmation c = applications.confirm(token);
        if (c.state() != LinkState.CONFIRMED) {
            return Response.status(status(c.state())).entity(Templates.link(token, c.state().name(), "application_link_" + c.state().name())).build();
        }
        if (c.setupToken() != null) {
            return Pages.redirect("/setup?token=" + c.setupToken());
        }
        return Response.ok(Templates.confirmed(c.username())).build();
    }

    private static int status(LinkState state) {
        return switch (state) {
            case CONFIRMED -> 200;
            case UNKNOWN -> 404;
            case EXPIRED, USED -> 410;
        };
    }

    private List<CategoryChoice> choices() {
        boolean chinese = locale.get().getLanguage().equals("zh");
        return categories.all().stream().filter(c -> c.active)
                .map(c -> new CategoryChoice(c.code, chinese ? c.nameZh : c.nameEn, c.parentId != null)).toList();
    }
}
