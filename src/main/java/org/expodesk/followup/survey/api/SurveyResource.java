package org.expodesk.followup.survey.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.followup.survey.SurveyInvitations;
import org.expodesk.followup.survey.SurveySetup;
import org.expodesk.followup.survey.Surveys;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An edition's satisfaction survey: its configuration, results and invitations by hand. Staff only. */
@Path("/api/exhibitions/{id}/survey")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    public record AspectView(long id, String code, String labelEn, String labelZh, boolean active, boolean answered) {
    }

    public record ConfigView(long exhibitionId, boolean open, long version, List<AspectView> aspects) {
    }

    public record AverageView(String code, String labelEn, String labelZh, boolean active, long scores,
                              BigDecimal average) {
    }

    public record FiguresView(long invitations, long answers, BigDecimal responseRate, long promoters, long passives,
                              long detractors, BigDecimal nps, List<AverageView> aspects) {
    }

    public record CommentView(long answerId, long personId, Long organizationId, String role, int nps,
                              String language, Instant answeredAt, String text) {
    }

    /** {@code bySide}: {@code exhibitors}, {@code visitors}, {@code others}. */
    public record ResultsView(long exhibitionId, FiguresView all, Map<String, FiguresView> bySide,
                              List<CommentView> comments) {
    }

    public record NewInvitation(Long personId) {
    }

    public record InvitationView(long id, long exhibitionId, long personId, String role, String link,
                                 Instant expiresAt) {
    }

    @Inject
    SurveySetup setup;

    @Inject
    Surveys surveys;

    @Inject
    SurveyInvitations invitations;

    @GET
    public ConfigView config(@PathParam("id") long id) {
        return view(setup.config(id));
    }

    /** Replaces open/closed and the aspects (in order; without {@code id} new; left out removed). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigView replace(@PathParam("id") long id, @NotNull SurveySetup.ConfigChange change) {
        return view(setup.replace(id, change));
    }

    @GET
    @Path("/results")
    public ResultsView results(@PathParam("id") long id) {
        Surveys.Results r = surveys.results(id);
        Map<String, FiguresView> bySide = new LinkedHashMap<>();
        r.sides().forEach(s -> bySide.put(s.side().name().toLowerCase(Locale.ROOT), view(s.figures())));
        return new ResultsView(r.exhibitionId(), view(r.all()), bySide, r.comments().stream()
                .map(c -> new CommentView(c.answerId(), c.personId(), c.organizationId(), c.role().name(), c.nps(),
                        c.language(), c.answeredAt(), c.text()))
                .toList());
    }

    /** A link for one person, to send by hand; issuing again replaces the unused link. */
    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("id") long id, @NotNull NewInvitation request) {
        if (request.personId() == null) {
            throw ProblemException.invalid("personId", "field_required");
        }
        SurveyInvitations.Issued issued = invitations.issue(id, request.personId());
        return Response.status(201).entity(new InvitationView(issued.invitationId(), issued.exhibitionId(),
                issued.personId(), issued.role().name(), issued.link(), issued.expiresAt())).build();
    }

    private static ConfigView view(SurveySetup.Config c) {
        return new ConfigView(c.survey().exhibitionId, c.survey().open, c.survey().version, c.aspects().stream()
                .map(a -> new AspectView(a.id, a.code, a.labelEn, a.labelZh, a.active, c.isScored(a))).toList());
    }

    private static FiguresView view(Surveys.Figures f) {
        return new FiguresView(f.invitations(), f.answers(), f.responseRate(), f.promoters(), f.passives(),
                f.detractors(), f.nps(), f.aspects().stream().map(a -> new AverageView(a.aspect().code,
                        a.aspect().labelEn, a.aspect().labelZh, a.aspect().active, a.scores(), a.average())).toList());
    }
}
