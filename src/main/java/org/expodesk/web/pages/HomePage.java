package org.expodesk.web.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.web.Pages;
import org.expodesk.web.WebContext;

/**
 * The first page after sign-in: staff go on to their exhibitions, exhibitors see their portal,
 * devices a pointer to the check-in page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    WebContext web;

    /** Staff start from their exhibitions, exhibitors from their portal (feature pages above this package, known only by path). */
    @GET
    @Authenticated
    public Object home() {
        if (web.isStaff()) {
            return Pages.redirect("/exhibitions");
        }
        if (web.isExhibitor()) {
            return Pages.redirect("/portal");
        }
        return Templates.home();
    }
}
