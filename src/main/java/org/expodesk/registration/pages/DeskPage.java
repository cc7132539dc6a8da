package org.expodesk.registration.pages;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeState;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.RegistrationStatus;
import org.expodesk.registration.Registrations;
import org.expodesk.registration.pages.RegisterPage.Choice;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The registration desk on site, for staff: a walk-in is registered in one form and their badge,
 * valid at once, is printed from the page that follows (docs/registration.md, "At the desk"). Someone
 * registered already (a lost or forgotten badge) is found by their address and their badge printed again.
 */
@Path("/exhibitions/{id}/desk")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class DeskPage {

    public record Form(String category, String firstName, String lastName, String email, String organization,
                       String country, List<String> days, boolean terms, boolean leadSharing, boolean marketing,
                       String language, String idempotencyKey) {
    }

    /** The registration just made or found, with what the desk can do next. */
    public record Done(Registration registration, String name, String category, String statusLabel, boolean existing,
                       Badge badge) {

        public boolean printable() {
            return badge != null && badge.state == BadgeState.VALID;
        }

        public boolean pending() {
            return registration.status == RegistrationStatus.PENDING_VERIFICATION;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(Exhibition exhibition, Form form, List<Choice> categories,
                                            List<Choice> countries, List<Choice> days, List<Choice> languages,
                                            Map<String, String> errors, String refusal, Done done);
    }

    @Inject
    Registrations registrations;

    @Inject
    RegistrationSetup setup;

    @Inject
    RegistrationDefaults defaults;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") Long registrationId,
                                 @QueryParam("existing") boolean existing) {
        Exhibition exhibition = exhibitions.get(id);
        defaults.ensure(id);
        Done done = null;
        if (registrationId != null) {
            Registration registration = registrations.get(registrationId);
            if (registration.exhibitionId != id) {
                throw ProblemException.notFound("Registration");
            }
            done = done(registration, existing);
        }
        return page(exhibition, blank(exhibition, done == null ? null : done.registration()), Map.of(), null, done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        Exhibition exhibition = exhibitions.get(id);
        defaults.ensure(id);
        Form form = new Form(value(posted, "category"), value(posted, "firstName"), value(posted, "lastName"),
                value(posted, "email"), value(posted, "organization"), value(posted, "country"),
                posted.getOrDefault("days", List.of()), "on".equals(posted.getFirst("terms")),
                "on".equals(posted.getFirst("leadSharing")), "on".equals(posted.getFirst("marketing")),
                value(posted, "language"), value(posted, "idempotencyKey"));
        try {
            Registrations.Outcome outcome = registrations.registerAtDesk(id, new Registrations.NewRegistration(
                    form.category(), form.firstName(), form.lastName(), form.email(), form.organization(),
                    form.country(), Map.of(), new Registrations.ConsentChoice(form.terms(), form.leadSharing(),
                    form.marketing()), form.days(), null, form.language(), form.idempotencyKey()),
                    currentUser.require().username());
            // a repeat of this very submit (a double click) shows the registration it made, not "found"
            boolean found = outcome.existing() && !outcome.sameClient();
            return Pages.redirect(here(id) + "?done=" + outcome.registration().id + (found ? "&existing=true" : ""));
        } catch (ProblemException refused) {
            int status = refused.problem().status();
            if (status == 404) {
                throw refused;
            }
            if (status == 400) {
                return Response.status(400).entity(page(exhibition, form, new FormErrors(locale.get()).addAll(refused)
                        .map(), null, null)).build();
            }
            return Response.status(status).entity(page(exhibition, form, Map.of(),
                    Messages.text(locale.get(), refused.problem().detail()), null)).build();
        }
    }

    /** A buyer found waiting for verification, verified by the staff member who sees them. */
    @POST
    @Path("/{registrationId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        if (registrations.get(registrationId).exhibitionId != id) {
            throw ProblemException.notFound("Registration");
        }
        try {
            registrations.approve(registrationId, currentUser.require().username());
        } catch (ProblemException refused) {
            if (refused.problem().status() != 409) {
                throw refused;
            }
            // decided meanwhile by someone else: the page below shows how
        }
        return Pages.redirect(here(id) + "?done=" + registrationId + "&existing=true");
    }

    private Done done(Registration registration, boolean existing) {
        RegistrationCategory category = setup.category(registration.categoryId);
        Badge badge = registration.badgeId == null ? null : Badge.findById(registration.badgeId);
        return new Done(registration, registrations.holderName(registration), category.label(locale.get()),
                Messages.text(locale.get(), "registration_status_" + registration.status.name()), existing, badge);
    }

    /** The next walk-in's empty form, keeping the category and language the desk used last. */
    private Form blank(Exhibition exhibition, Registration last) {
        String category = "";
        String language = locale.get().toLanguageTag();
        if (last != null) {
            category = setup.category(last.categoryId).code;
            language = last.language;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(exhibition.timezone)));
        List<String> days = today.isBefore(exhibition.opensOn) || today.isAfter(exhibition.closesOn) ? List.of()
                : List.of(today.toString());
        return new Form(category, "", "", "", "", "", days, false, false, false, language,
                UUID.randomUUID().toString());
    }

    private TemplateInstance page(Exhibition exhibition, Form form, Map<String, String> errors, String refusal,
                                  Done done) {
        Locale language = locale.get();
        List<Choice> categories = setup.openCategories(exhibition.id).stream()
                .map(c -> new Choice(c.code, c.label(language), c.code.equalsIgnoreCase(form.category()))).toList();
        List<Choice> days = exhibition.opensOn.datesUntil(exhibition.closesOn.plusDays(1)).map(LocalDate::toString)
                .map(d -> new Choice(d, d, form.days().contains(d))).toList();
        List<Choice> languages = List.of(
                new Choice("en", Messages.text(language, "desk_languageEn"), !form.language().startsWith("zh")),
                new Choice("zh-CN", Messages.text(language, "desk_languageZh"), form.language().startsWith("zh")));
        return Templates.desk(exhibition, form, categories, RegisterPage.countries(language, form.country()), days,
                languages, errors, refusal, done);
    }

    private static String value(MultivaluedMap<String, String> posted, String name) {
        String v = posted.getFirst(name);
        return v == null ? "" : v;
    }

    private static String here(long id) {
        return "/exhibitions/" + id + "/desk";
    }
}
