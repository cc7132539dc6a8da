package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.dedup.MergeLog;
import org.expodesk.party.dedup.OrganizationMerge;
import org.expodesk.platform.Roles;

import java.time.Instant;

/** Undoing a merge (of organizations or of people) from its log. */
@Path("/api/merges/{id}/undo")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class MergeResource {

    public record Undone(long merge, long survivor, long duplicate, Instant undoneAt) {
    }

    @Inject
    OrganizationMerge merges;

    @Inject
    org.expodesk.party.dedup.PersonMerge personMerges;

    @Inject
    CurrentUser currentUser;

    @POST
    public Undone undo(@PathParam("id") long id) {
        String by = currentUser.require().username();
        MergeLog log = personMerges.isPersonMerge(id) ? personMerges.undo(id, by) : merges.undo(id, by);
        return new Undone(log.id, log.survivorId, log.duplicateId, log.undoneAt);
    }
}
