package org.expodesk.party.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.AccessRules;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.Contacts;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Tickets;
import org.expodesk.party.Verification;
import org.expodesk.party.api.PartyViews.InteractionView;
import org.expodesk.party.api.PartyViews.OrganizationView;
import org.expodesk.party.api.PartyViews.ParticipationView;
import org.expodesk.party.api.PartyViews.PersonView;
import org.expodesk.party.api.PartyViews.TicketView;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.QueryParams;

import java.util.List;
import java.util.Locale;

/**
 * Organizations of the customer database. Staff see and change every one; an exhibitor reads
 * only its own organization and its people, and anything else is "not found".
 */
@Path("/api/organizations")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    public record OrganizationList(List<OrganizationView> items, long total) {
    }

    public record Screening(String status, String reason) {
    }

    /** {@code duplicate}: the organization to merge into this one; {@code take}: its fields to keep. */
    public record MergeRequest(Long duplicate, java.util.Set<String> take) {
    }

    public record Merged(long merge, OrganizationView survivor) {
    }

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    Contacts contacts;

    @Inject
    Tickets tickets;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @Inject
    org.expodesk.party.dedup.OrganizationMerge merges;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    org.expodesk.party.category.OrganizationCategories categories;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    /**
     * 201 with the new record; or, when it surely is one already there, 200 with that record
     * (completed with what it lacked) and its address in Content-Location. Likely duplicates
     * are created and queued for review.
     */
    public Response create(@NotNull @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            description = "The organization's fields, and its product categories as categories: [code]",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            implementation = Organizations.NewOrganization.class)))
                           com.fasterxml.jackson.databind.JsonNode body)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        // the organization's fields, and beside them its product categories as {@code categories: [code]}
        Organizations.NewOrganization request = json.treeToValue(body, Organizations.NewOrganization.class);
        List<String> codes = body.has("categories")
                ? List.of(json.treeToValue(body.get("categories"), String[].class)) : List.of();
        Organizations.Created created = categories.createWith(request, codes);
        Organization o = created.organization();
        if (created.existing()) {
            return Response.ok(OrganizationView.of(o)).header("Content-Location", "/api/organizations/" + o.id).build();
        }
        return Response.status(201).header("Location", "/api/organizations/" + o.id).entity(OrganizationView.of(o)).build();
    }

    @GET
    public OrganizationList list(@QueryParam("country") String country, @QueryParam("verification") String verification,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        Verification v = null;
        if (verification != null && !verification.isBlank()) {
            try {
                v = Verification.valueOf(verification.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("verification", "party_verificationInvalid");
            }
        }
        Organizations.Listing listing = organizations.list(country, v,
                QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE), QueryParams.integer(size, "size", 50, 1, 200));
        var codes = categories.codesOf(listing.items().stream().map(o -> o.id).toList());
        return new OrganizationList(listing.items().stream()
                .map(o -> OrganizationView.of(o, codes.getOrDefault(o.id, List.of()))).toList(), listing.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public OrganizationView get(@PathParam("id") long id) {
        AccessRules.requireOrganization(identity, id, "Organization");
        Organization o = organizations.get(id);
        return AccessRules.isStaff(identity) ? OrganizationView.of(o) : OrganizationView.forExhibitor(o);
    }

    public record CategoryChoice(List<String> categories) {
    }

    /** Gives the organization exactly these product categories ({@code {categories: [code]}}). */
    @PUT
    @Path("/{id}/categories")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganizationView setCategories(@PathParam("id") long id, @NotNull CategoryChoice choice) {
        categories.set(id, choice.categories() == null ? List.of() : choice.categories());
        return OrganizationView.of(organizations.get(id));
    }

    @GET
    @Path("/{id}/people")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public List<PersonView> people(@PathParam("id") long id) {
        AccessRules.requireOrganization(identity, id, "Organization");
        organizations.get(id);
        return people.of(id).stream().map(p -> PersonView.of(p, List.of())).toList();
    }

    /** An edit: absent fields stay, empty ones are cleared; {@code version} as last read, else 409. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganizationView update(@PathParam("id") long id, @NotNull Organizations.OrganizationChanges changes) {
        organizations.update(id, changes);
        return OrganizationView.of(organizations.get(id));
    }

    /** Screening (客户甄别): {@code {status: VERIFIED|REJECTED|UNVERIFIED, reason}}. */
    @POST
    @Path("/{id}/screening")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrganizationView screen(@PathParam("id") long id, @NotNull Screening screening) {
        Verification verdict;
        try {
            verdict = Verification.valueOf(screening.status() == null ? "" : screening.status().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "party_verificationInvalid");
        }
        organizations.screen(id, verdict, screening.reason(), currentUser.require().username());
        return OrganizationView.of(organizations.get(id));
    }

    /** Merges a duplicate into this organization; undo with POST /api/merges/{merge}/undo. */
    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Merged merge(@PathParam("id") long id, @NotNull MergeRequest request) {
        if (request.duplicate() == null) {
            throw ProblemException.invalid("duplicate", "field_required");
        }
        var log = merges.merge(id, request.duplicate(), request.take() == null ? java.util.Set.of() : request.take(),
                currentUser.require().username());
        return new Merged(log.id, OrganizationView.of(organizations.get(id)));
    }

    @GET
    @Path("/{id}/interactions")
    public List<InteractionView> interactions(@PathParam("id") long id) {
        organizations.get(id);
        return contacts.interactionsOf(new PartyRef(PartyRef.Kind.ORGANIZATION, id)).stream().map(InteractionView::of)
                .toList();
    }

    @GET
    @Path("/{id}/participations")
    public List<ParticipationView> participations(@PathParam("id") long id) {
        organizations.get(id);
        return contacts.participationsOf(new PartyRef(PartyRef.Kind.ORGANIZATION, id)).stream()
                .map(ParticipationView::of).toList();
    }

    @GET
    @Path("/{id}/tickets")
    public List<TicketView> tickets(@PathParam("id") long id) {
        organizations.get(id);
        return tickets.of(id).stream().map(TicketView::of).toList();
    }
}
