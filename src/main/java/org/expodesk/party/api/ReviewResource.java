package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.dedup.DedupCandidate;
import org.expodesk.party.dedup.ReviewQueue;
import org.expodesk.platform.Roles;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The review queue of possible duplicates. */
@Path("/api/dedup/candidates")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    public record CandidateView(long id, String kind, long record, long candidate, BigDecimal score, String reasons,
                                String status, boolean sure) {

        static CandidateView of(DedupCandidate c) {
            return new CandidateView(c.id, c.kind, c.recordId, c.candidateId, c.score, c.reasons, c.status, c.sure);
        }
    }

    public record CandidateList(List<CandidateView> items, long total) {
    }

    @Inject
    ReviewQueue queue;

    @Inject
    CurrentUser currentUser;

    @GET
    public CandidateList open(@QueryParam("kind") String kind) {
        String k = kind == null || kind.isBlank() ? "ORGANIZATION" : kind.trim().toUpperCase(Locale.ROOT);
        List<CandidateView> items = queue.open(k).stream().map(CandidateView::of).toList();
        return new CandidateList(items, items.size());
    }

    @POST
    @Path("/{id}/dismiss")
    public CandidateView dismiss(@PathParam("id") long id) {
        return CandidateView.of(queue.dismiss(id, currentUser.require().username()));
    }
}
