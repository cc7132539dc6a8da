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
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.registration.Invitation;
import org.expodesk.registration.InvitationMailings;
import org.expodesk.registration.Invitations;
import org.expodesk.party.segment.Segment;
import org.expodesk.party.segment.SegmentKind;
import org.expodesk.party.segment.Segments;
import org.expodesk.registration.PlaceCounters;
import org.expodesk.registration.Questions;
import org.expodesk.registration.RegistrantDedupQueue;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationQuestion;
import org.expodesk.registration.RegistrationSettings;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.RegistrationStatus;
import org.expodesk.registration.Registrations;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An edition's registration for staff: the set-up (window, buyer domains, categories, questions,
 * invitation codes) and the registrations with buyer verification.
 */
@Path("/exhibitions/{id}/registration")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class RegistrationAdminPage {

    /** A category with its questions and the places taken. */
    public record CategoryRow(RegistrationCategory category, List<RegistrationQuestion> questions, int taken) {
    }

    /** A registration as the list shows it. */
    /** {@code dedupLabel}: whether the registrant is matched with the customer database yet, or what that found. */
    public record Row(Registration registration, String category, String name, String statusLabel, String dedupLabel,
                      boolean dedupFailed) {

        public String days() {
            return registration.days.replace(",", ", ");
        }

        public boolean isPending() {
            return registration.status == RegistrationStatus.PENDING_VERIFICATION;
        }
    }

    public record StatusOption(String name, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(Exhibition exhibition, RegistrationSettings settings, String opensAt,
                                             String closesAt, List<CategoryRow> categories, List<Invitation> invitations,
                                             Map<Long, String> categoryCodes, List<String> kinds, String refusal,
                                             List<Segment> segments, String mailingResult);

        static native TemplateInstance registrations(Exhibition exhibition, List<Row> rows,
                                                     List<RegistrationCategory> categories, String category,
                                                     String status, List<StatusOption> statuses, int shown,
                                                     String refusal);
    }

    private static final int INVITATIONS_SHOWN = 500;
    private static final int LIST_SHOWN = 200;

    @Inject
    RegistrantDedupQueue dedup;

    @Inject
    RegistrationDefaults defaults;

    @Inject
    RegistrationSetup setup;

    @Inject
    Questions questions;

    @Inject
    Invitations invitations;

    @Inject
    InvitationMailings mailings;

    @Inject
    Segments segments;

    @Inject
    Registrations registrations;

    @Inject
    PlaceCounters counters;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        defaults.ensure(id);
        return page(id, null);
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("id") long id, @RestForm String opensAt, @RestForm String closesAt,
                             @RestForm String allowedDomains) {
        defaults.ensure(id);
        ZoneId zone = ZoneId.of(exhibitions.get(id).timezone);
        try {
            setup.changeSettings(id, new RegistrationSetup.SettingsChange(null, instant(opensAt, zone, "opensAt"),
                    instant(closesAt, zone, "closesAt"), allowedDomains == null ? "" : allowedDomains));
            return Pages.redirectWithFlash(here(id), "registration_saved");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    @POST
    @Path("/categories/{categoryId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response category(@PathParam("id") long id, @PathParam("categoryId") long categoryId,
                             @RestForm String labelEn, @RestForm String labelZh, @RestForm String colour,
                             @RestForm String capacity, @RestForm String capacityPerDay, @RestForm String validDays,
                             @RestForm String verificationRequired, @RestForm String invitationRequired,
                             @RestForm String daysSelectable, @RestForm String enabled) {
        RegistrationCategory category = setup.category(categoryId);
        if (category.exhibitionId != id) {
            throw ProblemException.notFound("Registration category");
        }
        try {
            Integer total = number(capacity, "capacity");
            Integer perDay = number(capacityPerDay, "capacityPerDay");
            // an emptied capacity field means no limit
            setup.changeCategory(categoryId, new RegistrationSetup.CategoryChange(null, null, labelEn, labelZh, colour,
                    "on".equals(verificationRequired), "on".equals(invitationRequired), total, perDay,
                    validDays == null ? List.of() : Arrays.asList(validDays.split("[,\\s]+")),
                    "on".equals(daysSelectable), null, "on".equals(enabled), true));
            return Pages.redirectWithFlash(here(id), "registration_saved");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    @POST
    @Path("/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addQuestion(@PathParam("id") long id, @RestForm long categoryId, @RestForm String code,
                                @RestForm String kind, @RestForm String labelEn, @RestForm String labelZh,
                                @RestForm String options, @RestForm String required, @RestForm String shownIfCode,
                                @RestForm String shownIfAnswer) {
        RegistrationCategory category = setup.category(categoryId);
        if (category.exhibitionId != id) {
            throw ProblemException.notFound("Registration category");
        }
        try {
            questions.add(categoryId, new Questions.QuestionChange(code, kind, labelEn, labelZh, options,
                    "on".equals(required), shownIfCode == null ? "" : shownIfCode, shownIfAnswer, null));
            return Pages.redirectWithFlash(here(id), "registration_questionAdded");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    @POST
    @Path("/questions/{questionId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeQuestion(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        RegistrationQuestion question = questions.get(questionId);
        if (setup.category(question.categoryId).exhibitionId != id) {
            throw ProblemException.notFound("Question");
        }
        try {
            questions.remove(questionId);
            return Pages.redirectWithFlash(here(id), "registration_questionRemoved");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("id") long id, @RestForm String category, @RestForm String count,
                           @RestForm String uses, @RestForm String waivesVerification, @RestForm String note) {
        defaults.ensure(id);
        try {
            invitations.create(id, new Invitations.NewInvitations(category, number(count, "count"),
                    number(uses, "uses"), "on".equals(waivesVerification), note));
            return Pages.redirectWithFlash(here(id), "registration_invitationsMade");
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    /** Invitations mailed to a segment of people: {@code action=count} counts (a dry run), {@code send} sends. */
    @POST
    @Path("/invitations/mailings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response mailInvitations(@PathParam("id") long id, @RestForm String segment, @RestForm String category,
                                    @RestForm String waivesVerification, @RestForm String note,
                                    @RestForm String action) {
        defaults.ensure(id);
        try {
            InvitationMailings.SegmentInvitation invitation = new InvitationMailings.SegmentInvitation(
                    segment == null || segment.isBlank() ? null : (long) number(segment, "segment"), category,
                    "on".equals(waivesVerification), note);
            if ("send".equals(action)) {
                mailings.send(id, invitation);
                return Pages.redirectWithFlash(here(id), "registration_invitationsMailed");
            }
            InvitationMailings.Preview preview = mailings.preview(id, invitation);
            return Response.ok(page(id, null, Messages.text(locale.get(), "registration_invitationsPreview",
                    preview.members(), preview.withEmail(), preview.refusingMarketing(), preview.alreadyInvited(),
                    preview.toMail()))).build();
        } catch (ProblemException refused) {
            return refusal(id, refused);
        }
    }

    @GET
    @Path("/list")
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("category") String category,
                                 @QueryParam("status") String status) {
        defaults.ensure(id);
        return listPage(id, category, status, null);
    }

    @POST
    @Path("/list/{registrationId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        mine(id, registrationId);
        try {
            registrations.approve(registrationId, currentUser.require().username());
            return Pages.redirectWithFlash(here(id) + "/list", "registration_approved");
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).entity(listPage(id, null, null,
                    Messages.text(locale.get(), refused.problem().detail()))).build();
        }
    }

    @POST
    @Path("/list/{registrationId}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @PathParam("registrationId") long registrationId,
                           @RestForm String reason) {
        mine(id, registrationId);
        try {
            registrations.reject(registrationId, reason, currentUser.require().username());
            return Pages.redirectWithFlash(here(id) + "/list", "registration_rejected");
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).entity(listPage(id, null, null,
                    Messages.text(locale.get(), refused.problem().detail()))).build();
        }
    }

    @POST
    @Path("/list/{registrationId}/dedup/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retryDedup(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        mine(id, registrationId);
        if (!dedup.retry(registrationId)) {
            return Response.status(409).entity(listPage(id, null, null,
                    Messages.text(locale.get(), "registration_dedupNotFailed"))).build();
        }
        return Pages.redirectWithFlash(here(id) + "/list", "registration_dedupRetried");
    }

    private String dedupLabel(Registration r, RegistrantDedupQueue.Pending pending) {
        if (pending != null) {
            return pending.failed() ? Messages.text(locale.get(), "registration_dedupFailed", pending.error())
                    : Messages.text(locale.get(), "registration_dedupPending");
        }
        return r.dedupFinding == null ? null : Messages.text(locale.get(), "registration_dedupFinding_" + r.dedupFinding);
    }

    private void mine(long id, long registrationId) {
        if (registrations.get(registrationId).exhibitionId != id) {
            throw ProblemException.notFound("Registration");
        }
    }

    private Response refusal(long id, ProblemException refused) {
        if (refused.problem().status() == 404) {
            throw refused;
        }
        String message = refused.problem().status() == 400
                ? new FormErrors(locale.get()).addAll(refused).map().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "))
                : Messages.text(locale.get(), refused.problem().detail());
        return Response.status(refused.problem().status()).entity(page(id, message)).build();
    }

    private TemplateInstance page(long id, String refusal) {
        return page(id, refusal, null);
    }

    private TemplateInstance page(long id, String refusal, String mailingResult) {
        Exhibition exhibition = exhibitions.get(id);
        RegistrationSettings settings = setup.settings(id);
        ZoneId zone = ZoneId.of(exhibition.timezone);
        Map<Long, Integer> taken = counters.takenByCategory(id);
        List<RegistrationCategory> categories = setup.categories(id);
        List<CategoryRow> rows = categories.stream()
                .map(c -> new CategoryRow(c, questions.of(c.id), taken.getOrDefault(c.id, 0))).toList();
        Map<Long, String> codes = categories.stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
        List<Invitation> shown = invitations.of(id).stream().limit(INVITATIONS_SHOWN).toList();
        return Templates.setup(exhibition, settings, local(settings.opensAt, zone), local(settings.closesAt, zone), rows,
                shown, codes, Arrays.stream(RegistrationQuestion.Kind.values()).map(Enum::name).toList(), refusal,
                segments.list().stream().filter(s -> s.kind == SegmentKind.PEOPLE).toList(), mailingResult);
    }

    private TemplateInstance listPage(long id, String category, String status, String refusal) {
        Exhibition exhibition = exhibitions.get(id);
        List<RegistrationCategory> categories = setup.categories(id);
        Map<Long, String> codes = categories.stream().collect(Collectors.toMap(c -> c.id, c -> c.label(locale.get())));
        List<Row> rows;
        try {
            List<Registration> listed = registrations.list(id, category, status, 0, LIST_SHOWN);
            Map<Long, RegistrantDedupQueue.Pending> pending = dedup.pending(listed.stream().map(r -> r.id).toList());
            rows = listed.stream().map(r -> new Row(r, codes.get(r.categoryId), registrations.holderName(r),
                    Messages.text(locale.get(), "registration_status_" + r.status.name()),
                    dedupLabel(r, pending.get(r.id)), pending.containsKey(r.id) && pending.get(r.id).failed())).toList();
        } catch (ProblemException badFilter) {
            rows = List.of();
            refusal = new FormErrors(locale.get()).addAll(badFilter).map().values().iterator().next();
        }
        return Templates.registrations(exhibition, rows, categories, category == null ? "" : category,
                status == null ? "" : status,
                Arrays.stream(RegistrationStatus.values()).map(s -> new StatusOption(s.name(),
                        Messages.text(locale.get(), "registration_status_" + s.name()))).toList(), LIST_SHOWN, refusal);
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            throw ProblemException.invalid(field, "registration_numberInvalid");
        }
    }

    private static Instant instant(String value, ZoneId zone, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException notATime) {
            throw ProblemException.invalid(field, "registration_timeInvalid");
        }
    }

    private static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String here(long id) {
        return "/exhibitions/" + id + "/registration";
    }
}
