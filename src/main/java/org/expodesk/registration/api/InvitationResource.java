package org.expodesk.registration.api;

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
import org.expodesk.platform.Roles;
import org.expodesk.registration.InvitationMailings;
import org.expodesk.registration.Invitations;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationDefaults;
import org.expodesk.registration.RegistrationSetup;
import org.expodesk.registration.api.RegistrationViews.InvitationView;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Invitation codes of an edition, made in bulk. Staff only. */
@Path("/api/exhibitions/{id}/invitations")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    @Inject
    Invitations invitations;

    @Inject
    InvitationMailings mailings;

    @Inject
    RegistrationSetup setup;

    @Inject
    RegistrationDefaults defaults;

    @GET
    public List<InvitationView> list(@PathParam("id") long id) {
        defaults.ensure(id);
        Map<Long, String> codes = codes(id);
        return invitations.of(id).stream().map(i -> InvitationView.of(i, codes.get(i.categoryId))).toList();
    }

    /** {@code {category, count?, uses?, waivesVerification?, note?}}: {@code 201} with the new codes. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") long id, @NotNull Invitations.NewInvitations request) {
        defaults.ensure(id);
        Map<Long, String> codes = codes(id);
        return Response.status(201).entity(invitations.create(id, request).stream()
                .map(i -> InvitationView.of(i, codes.get(i.categoryId))).toList()).build();
    }

    /** {@code {segment, category, waivesVerification?, note?, dryRun?}}: invitations mailed to a segment of people. */
    public record MailingRequest(Long segment, String category, Boolean waivesVerification, String note,
                                 Boolean dryRun) {
    }

    /**
     * Mails one invitation code to each person of the segment with an address who has not refused
     * marketing mail: {@code {codesMade, mailed, alreadyInvited, withoutEmail, refusingMarketing}}; with
     * {@code dryRun} nothing is made or sent and the answer counts {@code {members, withEmail,
     * refusingMarketing, alreadyInvited, toMail}}. Sending again mails nobody twice.
     */
    @POST
    @Path("/mailings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object mail(@PathParam("id") long id, @NotNull MailingRequest request) {
        defaults.ensure(id);
        InvitationMailings.SegmentInvitation invitation = new InvitationMailings.SegmentInvitation(request.segment(),
                request.category(), request.waivesVerification(), request.note());
        if (Boolean.TRUE.equals(request.dryRun())) {
            return mailings.preview(id, invitation);
        }
        return mailings.send(id, invitation);
    }

    private Map<Long, String> codes(long id) {
        return setup.categories(id).stream().collect(Collectors.toMap(c -> c.id, (RegistrationCategory c) -> c.code));
    }
}
