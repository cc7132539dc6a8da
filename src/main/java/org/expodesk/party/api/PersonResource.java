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
import jakarta.ws.rs.core.Response;
import org.expodesk.account.AccessRules;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.api.PartyViews.PersonView;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.util.List;

/** People of the customer database; an exhibitor reads only the people of its own organization. */
@Path("/api/people")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    public record Move(Long organization, String jobTitle) {
    }

    @Inject
    People people;

    @Inject
    SecurityIdentity identity;

    @Inject
    org.expodesk.party.Privacy privacy;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull People.NewPerson request) {
        Person p = people.create(request);
        return Response.status(201).header("Location", "/api/people/" + p.id)
                .entity(PersonView.of(p, people.employments(p.id))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public PersonView get(@PathParam("id") long id) {
        Person p;
        try {
            p = people.get(id);
        } catch (ProblemException notFound) {
            throw ProblemException.notFound("Person");
        }
        AccessRules.requireOrganization(identity, p.organizationId, "Person");
        // an exhibitor does not learn where its staff worked before
        return PersonView.of(p, AccessRules.isStaff(identity) ? people.employments(id) : List.of());
    }

    /** Everything held on the person, for a data access request. */
    @GET
    @Path("/{id}/privacy-export")
    public java.util.Map<String, Object> privacyExport(@PathParam("id") long id) {
        return privacy.export(id);
    }

    public record Erasure(String reason) {
    }

    /** Forgets the person, keeping counts right; the reason goes to the audit log. */
    @POST
    @Path("/{id}/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView erase(@PathParam("id") long id, @NotNull Erasure erasure) {
        if (erasure.reason() == null || erasure.reason().isBlank()) {
            throw ProblemException.invalid("reason", "task_reasonRequired");
        }
        privacy.erase(id, erasure.reason().trim());
        return PersonView.of(people.get(id), people.employments(id));
    }

    /** The person now works elsewhere: {@code {organization, jobTitle}}; the history keeps the past. */
    @POST
    @Path("/{id}/employment")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView move(@PathParam("id") long id, @NotNull Move move) {
        people.changeOrganization(id, move.organization(), move.jobTitle());
        return PersonView.of(people.get(id), people.employments(id));
    }
}
