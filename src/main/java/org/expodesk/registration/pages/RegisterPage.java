package org.expodesk.registration.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;
import org.expodesk.registration.Questions;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationQuestion;
import org.expodesk.registration.RegistrationSettings;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.RegistrationStatus;
import org.expodesk.registration.Registrations;
import org.expodesk.registration.api.PublicRegistrationResource;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The public registration page of an edition (no sign-in), mobile first: the category is chosen
 * first (or comes with an invitation code), then its form with the category's questions. A
 * {@code lang} parameter sets the page language through the language cookie, as the survey does.
 */
@Path("/register/{code}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegisterPage {

    /** A choice of a question or of the country list, as the form shows it. */
    public record Choice(String value, String label, boolean checked) {
    }

    /** A question ready to render: its label, choices and the answer typed so far. */
    public record QuestionField(RegistrationQuestion question, String name, String label, List<Choice> choices,
                                String text, String condition) {

        public String kind() {
            return question.kind.name();
        }

        /** Where the service puts this answer's error. */
        public String errorKey() {
            return "answers." + question.code;
        }
    }

    /** The form as typed, to show again after a refusal. */
    public record Form(String firstName, String lastName, String email, String organization, String country,
                       String invitationCode, List<String> days, boolean terms, boolean leadSharing,
                       boolean marketing, String idempotencyKey) {

        public boolean hasDay(String day) {
            return days.contains(day);
        }
    }

    public record CategoryChoice(String code, String label, String colour, boolean invitationRequired) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance categories(Exhibition exhibition, List<CategoryChoice> categories,
                                                  boolean open, String invitationCode, String invitationError);

        static native TemplateInstance form(Exhibition exhibition, RegistrationCategory category, String categoryLabel,
                                            Form form, List<QuestionField> questions, List<Choice> countries,
                                            List<Choice> days, boolean open, Map<String, String> errors,
                                            String refusal);

        static native TemplateInstance thanks(Exhibition exhibition, boolean pending);
    }

    @Inject
    Registrations registrations;

    @Inject
    RegistrationSetup setup;

    @Inject
    RegistrationDefaults defaults;

    @Inject
    Questions questions;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    RequestLocale locale;

    @Inject
    Clock clock;

    @GET
    public Response show(@PathParam("code") String code, @QueryParam("category") String categoryCode,
                         @QueryParam("invitation") String invitation, @QueryParam("lang") String lang,
                         HttpServerRequest http) {
        Exhibition exhibition = registrations.edition(code);
        if (lang != null && !lang.isBlank()) {
            String tag = Messages.forTag(lang).toLanguageTag();
            Cookie current = http.getCookie(RequestLocale.COOKIE);
            if (current == null || !tag.equals(current.getValue())) {
                NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE).value(tag).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).maxAge(365 * 24 * 3600).build();
                return Pages.redirect(here(exhibition) + query(categoryCode, invitation), cookie);
            }
        }
        defaults.ensure(exhibition.id);
        boolean open = setup.settings(exhibition.id).isOpen(Instant.now(clock));
        String invitationCode = invitation == null ? null : invitation.trim().toUpperCase(Locale.ROOT);
        RegistrationCategory category = null;
        if (invitationCode != null && !invitationCode.isEmpty()) {
            // a code tried here says whether it is valid: counted like a registration, so codes cannot be guessed
            rateLimiter.require(PublicRegistrationResource.RATE_LIMIT, ClientAddress.of(http));
            category = registrations.invitationCategory(exhibition.id, invitationCode).orElse(null);
            if (category == null) {
                return Response.status(400).entity(Templates.categories(exhibition, choices(exhibition.id), open,
                        invitationCode, Messages.text(locale.get(), "registration_invitationUnknown"))).build();
            }
        } else if (categoryCode != null && !categoryCode.isBlank()) {
            category = setup.openCategories(exhibition.id).stream()
                    .filter(c -> c.code.equalsIgnoreCase(categoryCode.trim())).findFirst().orElse(null);
        }
        if (category == null) {
            return Response.ok(Templates.categories(exhibition, choices(exhibition.id), open, null, null)).build();
        }
        Form form = new Form("", "", "", "", "", invitationCode, List.of(), false, false, false,
                UUID.randomUUID().toString());
        return Response.ok(formPage(exhibition, category, form, Map.of(), Map.of(), open, null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@PathParam("code") String code, MultivaluedMap<String, String> posted,
                             HttpServerRequest http) {
        rateLimiter.require(PublicRegistrationResource.RATE_LIMIT, ClientAddress.of(http));
        Exhibition exhibition = registrations.edition(code);
        String website = posted.getFirst("website");
        if (website != null && !website.isBlank()) {
            // the field people never see was filled: a bot is shown success and nothing is kept
            return Pages.redirect(here(exhibition) + "/thanks");
        }
        defaults.ensure(exhibition.id);
        RegistrationCategory category = setup.openCategories(exhibition.id).stream()
                .filter(c -> c.code.equalsIgnoreCase(String.valueOf(posted.getFirst("category")))).findFirst()
                .orElse(null);
        if (category == null) {
            return Pages.redirect(here(exhibition));
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, List<String>> typed = new HashMap<>();
        for (RegistrationQuestion q : questions.of(category.id)) {
            List<String> values = posted.getOrDefault("q." + q.code, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).toList();
            typed.put(q.code, values);
            if (!values.isEmpty()) {
                answers.put(q.code, q.kind == RegistrationQuestion.Kind.MULTIPLE_CHOICE ? values : values.get(0));
            }
        }
        Form form = new Form(value(posted, "firstName"), value(posted, "lastName"), value(posted, "email"),
                value(posted, "organization"), value(posted, "country"), value(posted, "invitationCode"),
                posted.getOrDefault("days", List.of()), "on".equals(posted.getFirst("terms")),
                "on".equals(posted.getFirst("leadSharing")), "on".equals(posted.getFirst("marketing")),
                value(posted, "idempotencyKey"));
        try {
            Registrations.Outcome outcome = registrations.register(exhibition, new Registrations.NewRegistration(
                    category.code, form.firstName(), form.lastName(), form.email(), form.organization(), form.country(),
                    answers, new Registrations.ConsentChoice(form.terms(), form.leadSharing(), form.marketing()),
                    form.days(), form.invitationCode(), locale.get().toLanguageTag(), form.idempotencyKey()));
            boolean pending = outcome.sameClient()
                    && outcome.registration().status == RegistrationStatus.PENDING_VERIFICATION;
            return Pages.redirect(here(exhibition) + (pending ? "/received" : "/thanks"));
        } catch (ProblemException refused) {
            int status = refused.problem().status();
            if (status == 404) {
                throw refused;
            }
            boolean open = setup.settings(exhibition.id).isOpen(Instant.now(clock));
            if (status == 400) {
                return Response.status(400).entity(formPage(exhibition, category, form, typed,
                        new FormErrors(locale.get()).addAll(refused).map(), open, null)).build();
            }
            return Response.status(status).entity(formPage(exhibition, category, form, typed, Map.of(), open,
                    Messages.text(locale.get(), refused.problem().detail()))).build();
        }
    }

    @GET
    @Path("/thanks")
    public TemplateInstance thanks(@PathParam("code") String code) {
        return Templates.thanks(registrations.edition(code), false);
    }

    @GET
    @Path("/received")
    public TemplateInstance received(@PathParam("code") String code) {
        return Templates.thanks(registrations.edition(code), true);
    }

    private TemplateInstance formPage(Exhibition exhibition, RegistrationCategory category, Form form,
                                      Map<String, List<String>> typed, Map<String, String> errors, boolean open,
                                      String refusal) {
        Locale language = locale.get();
        List<QuestionField> fields = new ArrayList<>();
        List<RegistrationQuestion> asked = questions.of(category.id);
        for (RegistrationQuestion q : asked) {
            List<String> values = typed.getOrDefault(q.code, List.of());
            List<Choice> choices = switch (q.kind) {
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> q.optionList().stream()
                        .map(o -> new Choice(o.value(), o.label(language), values.contains(o.value()))).toList();
                case YES_NO -> List.of(
                        new Choice("yes", Messages.text(language, "registration_yes"), values.contains("yes")),
                        new Choice("no", Messages.text(language, "registration_no"), values.contains("no")));
                case COUNTRY -> countries(language, values.isEmpty() ? "" : values.get(0));
                case TEXT -> List.of();
            };
            String condition = null;
            if (q.isConditional()) {
                RegistrationQuestion on = asked.stream().filter(o -> o.code.equals(q.shownIfCode)).findFirst().orElse(null);
                String answer = on == null ? q.shownIfAnswer : on.optionList().stream()
                        .filter(o -> o.value().equalsIgnoreCase(q.shownIfAnswer)).map(o -> o.label(language))
                        .findFirst().orElse("yes".equalsIgnoreCase(q.shownIfAnswer)
                                ? Messages.text(language, "registration_yes")
                                : "no".equalsIgnoreCase(q.shownIfAnswer) ? Messages.text(language, "registration_no")
                                : q.shownIfAnswer);
                condition = Messages.text(language, "registration_onlyIf", on == null ? q.shownIfCode : on.label(language),
                        answer);
            }
            fields.add(new QuestionField(q, "q." + q.code, q.label(language), choices,
                    values.isEmpty() ? "" : String.join(", ", values), condition));
        }
        List<Choice> days = List.of();
        if (category.daysSelectable) {
            days = category.days(exhibition.opensOn, exhibition.closesOn).stream()
                    .map(LocalDate::toString).map(d -> new Choice(d, d, form.hasDay(d))).toList();
        }
        return Templates.form(exhibition, category, category.label(language), form, fields,
                countries(language, form.country()), days, open, errors, refusal);
    }

    private List<CategoryChoice> choices(long exhibitionId) {
        Locale language = locale.get();
        return setup.openCategories(exhibitionId).stream()
                .map(c -> new CategoryChoice(c.code, c.label(language), c.colour, c.invitationRequired)).toList();
    }

    static List<Choice> countries(Locale language, String selected) {
        return java.util.Arrays.stream(Locale.getISOCountries())
                .map(c -> new Choice(c, new Locale("", c).getDisplayCountry(language), c.equalsIgnoreCase(selected)))
                .sorted(Comparator.comparing(Choice::label, java.text.Collator.getInstance(language)))
                .toList();
    }

    private static String value(MultivaluedMap<String, String> posted, String name) {
        String v = posted.getFirst(name);
        return v == null ? "" : v;
    }

    private static String query(String category, String invitation) {
        if (invitation != null && !invitation.isBlank()) {
            return "?invitation=" + URLEncoder.encode(invitation, StandardCharsets.UTF_8);
        }
        return category == null || category.isBlank() ? "" : "?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8);
    }

    private static String here(Exhibition exhibition) {
        return "/register/" + URLEncoder.encode(exhibition.code, StandardCharsets.UTF_8);
    }
}
