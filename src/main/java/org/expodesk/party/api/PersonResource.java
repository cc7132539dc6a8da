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
import org.expodesk.account.CurrentUser;
import org.expodesk.party.Consents;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.api.PartyViews.ConsentView;
import org.expodesk.party.api.PartyViews.PersonView;
import org.expodesk.party.dedup.PersonMerge;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;

import java.util.List;
import java.util.Set;

/** People of the customer database; an exhibitor reads only the people of its own organization. */
@Path("/api/people")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class PersonResource {

    public record Move(Long organization, String jobTitle) {
    }

    /** {@code kind}: EMAIL or PHONE. */
    public record NewContact(String kind, String value) {
    }

    /** The current state (latest record per purpose) and every record, newest first. */
    public record ConsentState(List<ConsentView> current, List<ConsentView> history) {
    }

    /** {@code duplicate}: the person to merge into this one; {@code take}: their fields to keep. */
    public record MergeRequest(Long duplicate, Set<String> take) {
    }

    public record Merged(long merge, PersonView survivor) {
    }

    @Inject
    People people;

    @Inject
    Consents consents;

    @Inject
    PersonMerge merges;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @Inject
    org.expodesk.party.Contacts contacts;

    @Inject
    org.expodesk.party.Tickets tickets;

    @Inject
    org.expodesk.party.Privacy privacy;

    /**
     * 201 with the new record; or, when it surely is one already there (same e-mail; same phone and
     * a like name), 200 with that record (completed with what it lacked) and its address in
     * Content-Location. Likely duplicates are created and queued for review.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull People.NewPerson request) {
        People.Created created = people.createOrMatch(request);
        Person p = created.person();
        if (created.existing()) {
            return Response.ok(view(p)).header("Content-Location", "/api/people/" + p.id).build();
        }
        return Response.status(201).header("Location", "/api/people/" + p.id).entity(view(p)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public PersonView get(@PathParam("id") long id) {
        Person p = visible(id);
        // an exhibitor does not learn where its staff worked before, nor how staff tag them
        return AccessRules.isStaff(identity) ? PersonView.of(p, people.employments(id), people.contacts(id))
                : PersonView.forExhibitor(p, people.contacts(id));
    }

    /** A further e-mail address or phone: {@code {kind: EMAIL|PHONE, value}}. */
    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView addContact(@PathParam("id") long id, @NotNull NewContact contact) {
        people.addContact(id, contact.kind(), contact.value());
        return view(people.get(id));
    }

    @GET
    @Path("/{id}/consents")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public ConsentState consents(@PathParam("id") long id) {
        visible(id);
        java.util.function.Function<org.expodesk.party.Consent, ConsentView> view = AccessRules.isStaff(identity)
                ? ConsentView::of : ConsentView::forExhibitor;
        return new ConsentState(consents.current(id).stream().map(view).toList(),
                consents.history(id).stream().map(view).toList());
    }

    /** Records a grant or a withdrawal: {@code {purpose, granted, at?, channel, textVersion?, note?}}. */
    @POST
    @Path("/{id}/consents")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordConsent(@PathParam("id") long id, @NotNull Consents.NewConsent request) {
        visible(id);
        var c = consents.record(id, request, currentUser.require().username());
        return Response.status(201).header("Location", "/api/people/" + id + "/consents").entity(ConsentView.of(c)).build();
    }

    /** Merges a duplicate into this person; undo with POST /api/merges/{merge}/undo. */
    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Merged merge(@PathParam("id") long id, @NotNull MergeRequest request) {
        if (request.duplicate() == null) {
            throw ProblemException.invalid("duplicate", "field_required");
        }
        var log = merges.merge(id, request.duplicate(), request.take() == null ? Set.of() : request.take(),
                currentUser.require().username());
        return new Merged(log.id, view(people.get(id)));
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
        return view(people.get(id));
    }

    /** The person now works elsewhere: {@code {organization, jobTitle}}; the history keeps the past. */
    @POST
    @Path("/{id}/employment")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView move(@PathParam("id") long id, @NotNull Move move) {
        people.changeOrganization(id, move.organization(), move.jobTitle());
        return view(people.get(id));
    }

    /** The person, if the caller may see them; "not found" otherwise. */
    /** An edit of the person's own fields: absent ones stay, empty ones are cleared; {@code version} as last read. */
    @jakarta.ws.rs.PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PersonView update(@PathParam("id") long id, @NotNull People.PersonChanges changes) {
        people.update(id, changes);
        return view(people.get(id));
    }

    @GET
    @Path("/{id}/interactions")
    public List<PartyViews.InteractionView> interactions(@PathParam("id") long id) {
        people.get(id);
        return contacts.interactionsOf(new PartyRef(PartyRef.Kind.PERSON, id)).stream()
                .map(PartyViews.InteractionView::of).toList();
    }

    @GET
    @Path("/{id}/participations")
    public List<PartyViews.ParticipationView> participations(@PathParam("id") long id) {
        people.get(id);
        return contacts.participationsOf(new PartyRef(PartyRef.Kind.PERSON, id)).stream()
                .map(PartyViews.ParticipationView::of).toList();
    }

    @GET
    @Path("/{id}/tickets")
    public List<PartyViews.TicketView> tickets(@PathParam("id") long id) {
        people.get(id);
        return tickets.ofPerson(id).stream().map(PartyViews.TicketView::of).toList();
    }

    private Person visible(long id) {
        Person p;
        try {
            p = people.get(id);
        } catch (ProblemException notFound) {
            throw ProblemException.notFound("Person");
        }
        AccessRules.requireOrganization(identity, p.organizationId, "Person");
        if (p.mergedInto != null && !AccessRules.isStaff(identity)) {
            // for an exhibitor a merged-away record is gone; staff follow mergedInto
            throw ProblemException.notFound("Person");
        }
        return p;
    }

    private PersonView view(Person p) {
        return PersonView.of(p, people.employments(p.id), people.contacts(p.id));
    }
}
