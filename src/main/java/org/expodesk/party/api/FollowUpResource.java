package org.expodesk.party.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.api.PartyViews.InteractionView;
import org.expodesk.party.api.PartyViews.TicketView;
import org.expodesk.party.followup.FollowUps;
import org.expodesk.platform.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Follow-ups of interactions: the signed-in staff member's list, done and re-dated. */
public final class FollowUpResource {

    private FollowUpResource() {
    }

    public record FollowUpView(InteractionView interaction, String due, String party) {
    }

    /** Open follow-ups (overdue first, then today, then upcoming) and overdue tickets assigned to me. */
    public record MyFollowUps(List<FollowUpView> items, long total, List<TicketView> overdueTickets) {
    }

    public record Change(Boolean done, LocalDate on) {
    }

    @Path("/api/me/follow-ups")
    @RolesAllowed(Roles.STAFF)
    @Produces(MediaType.APPLICATION_JSON)
    public static class Mine {

        @Inject
        FollowUps followUps;

        @Inject
        CurrentUser currentUser;

        @GET
        public MyFollowUps list() {
            long me = currentUser.require().userId();
            List<FollowUpView> items = followUps.openOf(me).stream().map(f -> new FollowUpView(
                    InteractionView.of(f.interaction()), f.due().name().toLowerCase(Locale.ROOT), f.partyName())).toList();
            return new MyFollowUps(items, items.size(),
                    followUps.overdueTicketsOf(me).stream().map(TicketView::of).toList());
        }
    }

    @Path("/api/interactions/{id}/follow-up")
    @RolesAllowed(Roles.STAFF)
    @Produces(MediaType.APPLICATION_JSON)
    public static class One {

        @Inject
        FollowUps followUps;

        @Inject
        CurrentUser currentUser;

        @Inject
        SecurityIdentity identity;

        /** {@code {done?, on?}}; only the staff member the follow-up belongs to (or an admin). */
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public InteractionView change(@PathParam("id") long id, @NotNull Change change) {
            return InteractionView.of(followUps.change(id, change.done(), change.on(), currentUser.require().userId(),
                    identity.hasRole(Roles.ADMIN)));
        }
    }
}
