package org.expodesk.followup.survey.pages;

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
import org.expodesk.followup.survey.SurveyAspect;
import org.expodesk.followup.survey.SurveyResponses;
import org.expodesk.followup.survey.SurveyResponses.LinkState;
import org.expodesk.followup.survey.SurveyResponses.Submission;
import org.expodesk.platform.ClientAddress;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The public survey behind a link (no sign-in). The link's {@code lang} becomes the page language
 * through the language cookie, so that the layout and its switcher agree with the form; without it
 * the browser's language decides. A used or expired link answers 410, an unknown one 404, with the
 * same page whoever asks: nothing tells whether a person exists.
 */
@Path("/survey")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SurveyPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance survey(String token, List<SurveyAspect> aspects, Submission form,
                                              Map<String, String> errors, int commentMax, List<Integer> npsValues,
                                              List<Integer> scoreValues);

        static native TemplateInstance link(String state, String messageKey);

        static native TemplateInstance thanks();
    }

    private static final List<Integer> NPS_VALUES = IntStream.rangeClosed(0, 10).boxed().toList();
    private static final List<Integer> SCORE_VALUES = IntStream.rangeClosed(1, 5).boxed().toList();

    @Inject
    SurveyResponses responses;

    @Inject
    RequestLocale locale;

    @Inject
    UnknownLinkThrottle throttle;

    @GET
    @Path("/{token}")
    public Response show(@PathParam("token") String token, @QueryParam("lang") String lang, HttpServerRequest http) {
        if (lang != null && !lang.isBlank() && token.matches("[A-Za-z0-9_-]{1,100}")) {
            String tag = Messages.forTag(lang).toLanguageTag();
            Cookie current = http.getCookie(RequestLocale.COOKIE);
            if (current == null || !tag.equals(current.getValue())) {
                NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE).value(tag).path("/").httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).maxAge(365 * 24 * 3600).build();
                return Pages.redirect("/survey/" + token, cookie);
            }
        }
        String address = ClientAddress.of(http);
        if (throttle.isBlocked(address)) {
            return tooMany();
        }
        SurveyResponses.Link link = responses.open(token);
        if (link.state() != LinkState.OPEN) {
            return refused(link.state(), address);
        }
        return Response.ok(Templates.survey(token, link.aspects(), new Submission("", Map.of(), ""), Map.of(),
                SurveyResponses.COMMENT_MAX, NPS_VALUES, SCORE_VALUES)).build();
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("token") String token, MultivaluedMap<String, String> form,
                           HttpServerRequest http) {
        String address = ClientAddress.of(http);
        if (throttle.isBlocked(address)) {
            return tooMany();
        }
        Map<Long, String> scores = new HashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("score-") && name.substring(6).matches("\\d{1,18}") && !values.isEmpty()) {
                scores.put(Long.valueOf(name.substring(6)), values.get(0));
            }
        });
        Submission submission = new Submission(form.getFirst("nps"), scores, form.getFirst("comment"));
        try {
            LinkState state = responses.answer(token, submission, locale.get());
            return state == LinkState.OPEN ? Pages.redirect("/survey/thanks") : refused(state, address);
        } catch (ProblemException invalid) {
            SurveyResponses.Link link = responses.open(token);
            if (link.state() != LinkState.OPEN) {
                return refused(link.state(), address);
            }
            return Response.status(400).entity(Templates.survey(token, link.aspects(), submission,
                    new FormErrors(locale.get()).addAll(invalid).map(), SurveyResponses.COMMENT_MAX, NPS_VALUES,
                    SCORE_VALUES)).build();
        }
    }

    @GET
    @Path("/thanks")
    public TemplateInstance thanks() {
        return Templates.thanks();
    }

    private Response refused(LinkState state, String address) {
        if (state == LinkState.UNKNOWN) {
            throttle.missed(address);
        }
        return Response.status(state == LinkState.UNKNOWN ? 404 : 410)
                .entity(Templates.link(state.name(), "survey_link_" + state.name())).build();
    }

    private static Response tooMany() {
        return Response.status(429).entity(Templates.link("BLOCKED", "survey_link_BLOCKED")).build();
    }
}
