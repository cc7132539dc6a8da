package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.party.PartySearch;
import org.expodesk.platform.Roles;

import java.util.List;

/** People and organizations by any part of a name, e-mail, phone, domain or credit code. */
@Path("/api/search")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    public record Results(List<PartySearch.Hit> items, long total) {
    }

    @Inject
    PartySearch search;

    @GET
    public Results search(@QueryParam("q") String q) {
        List<PartySearch.Hit> items = search.search(q);
        return new Results(items, items.size());
    }
}
