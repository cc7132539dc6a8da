package org.expodesk.party.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
    org.expodesk.audit.AuditLog audit;

    @Inject
    org.expodesk.party.dedup.OrganizationMerge merges;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    /**
     * 201 with the new record; or, when it surely is one already there, 200 with that record
     * (completed with what it lacked) and its address in Content-Location. Likely duplicates
     * are created and queued for review.
     */
    public Response create(@NotNull Organizations.NewOrganization request) {
        Organizations.Created created = organizations.createOrMatch(request);
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
        return new OrganizationList(listing.items().stream().map(OrganizationView::of).toList(), listing.total());
    }

    /** The list as CSV for a spreadsheet, formula-looking cells made harmless; audited. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response export(@QueryParam("country") String country, @QueryParam("verification") String verification) {
        Verification v = null;
        if (verification != null && !verification.isBlank()) {
            try {
                v = Verification.valueOf(verification.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("verification", "party_verificationInvalid");
            }
        }
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(org.expodesk.party.CsvExport.row(List.of("id", "name", "nameLatin", "creditCode", "country", "city",
                "website", "email", "phone", "industry", "verification", "tags")));
        int page = 0;
        Organizations.Listing listing;
        do {
            listing = organizations.list(country, v, page++, 200);
            for (Organization o : listing.items()) {
                csv.append(org.expodesk.party.CsvExport.row(java.util.Arrays.asList(o.id, o.name, o.nameLatin,
                        o.creditCode, o.country, o.city, o.website, o.email, o.phone, o.industry, o.verification, o.tags)));
            }
        } while (listing.items().size() == 200);
        audit.record(org.expodesk.audit.AuditAction.EXPORT, "Organization", null,
                "CSV, country=" + country + ", verification=" + verification);
        return Response.ok(csv.toString())
                .header("Content-Disposition", "attachment; filename=\"organizations.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public OrganizationView get(@PathParam("id") long id) {
        AccessRules.requireOrganization(identity, id, "Organization");
        Organization o = organizations.get(id);
        return AccessRules.isStaff(identity) ? OrganizationView.of(o) : OrganizationView.forExhibitor(o);
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
