package org.expodesk.web.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.inbox.Inbox;
import org.expodesk.inbox.Notification;
import org.expodesk.web.Pages;

import java.util.List;

/** The signed-in user's notifications, newest first. */
@Path("/inbox")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class InboxPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<Notification> notifications);
    }

    @Inject
    Inbox inbox;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance show() {
        return Templates.inbox(inbox.latest(currentUser.require().userId(), 100));
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markAllRead() {
        inbox.markAllRead(currentUser.require().userId());
        return Pages.redirect("/inbox");
    }
}
