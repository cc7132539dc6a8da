package org.expodesk.web.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.UserService;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

/** The language switcher in the layout: remembered for the browser, and for the user when signed in. */
@Path("/lang")
public class LanguageSwitch {

    @Inject
    CurrentUser currentUser;

    @Inject
    UserService users;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm String lang, @RestForm String next) {
        String tag = Messages.forTag(lang).toLanguageTag();
        currentUser.get().ifPresent(user -> users.setLocale(user.userId(), tag));
        NewCookie cookie = new NewCookie.Builder(RequestLocale.COOKIE).value(tag).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(365 * 24 * 3600).build();
        return Pages.redirect(Pages.safeNext(next), cookie);
    }
}
