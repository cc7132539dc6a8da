package org.expodesk.ops.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.Suppressions;

/**
 * Where the unsubscribe link of a marketing mail leads. Opening it only asks (mail scanners open
 * links); the button stops marketing mail to the address. Says nothing about unknown tokens
 * beyond "not valid", and never shows the address in full.
 */
@Path("/mail/unsubscribe/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token, String address, boolean done);

        static native TemplateInstance unknown();
    }

    @Inject
    Suppressions suppressions;

    @GET
    public Response ask(@PathParam("token") String token) {
        return OutboxMail.<OutboxMail>find("unsubscribeToken", token).firstResultOptional()
                .map(mail -> Response.ok(Templates.unsubscribe(token, masked(mail.recipient), false)))
                .orElseGet(() -> Response.status(404).entity(Templates.unknown()))
                .build();
    }

    @POST
    public Response unsubscribe(@PathParam("token") String token) {
        return suppressions.unsubscribe(token)
                .map(address -> Response.ok(Templates.unsubscribe(token, masked(address), true)))
                .orElseGet(() -> Response.status(404).entity(Templates.unknown()))
                .build();
    }

    /** a***@example.com: enough for the reader to recognise, not enough to harvest. */
    static String masked(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
