package org.expodesk.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.expodesk.account.CurrentUser;
import org.expodesk.account.PasswordPolicy;
import org.expodesk.account.Role;
import org.expodesk.account.SignedInUser;
import org.expodesk.inbox.Inbox;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.util.Optional;

/** What the layout needs to know about the request: who, which language, which page, any flash. */
@Named("web")
@RequestScoped
public class WebContext {

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale requestLocale;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    PasswordPolicy passwordPolicy;

    @Inject
    CsrfTokenParameterProvider csrf;

    @Inject
    Inbox inbox;

    public boolean isSignedIn() {
        return currentUser.get().isPresent();
    }

    public String getDisplayName() {
        return currentUser.get().map(SignedInUser::displayName).orElse("");
    }

    public String getUsername() {
        return currentUser.get().map(SignedInUser::username).orElse("");
    }

    public boolean isAdmin() {
        return role().filter(r -> r == Role.ADMIN).isPresent();
    }

    public boolean isStaff() {
        return role().filter(r -> r == Role.ADMIN || r == Role.STAFF).isPresent();
    }

    public boolean isExhibitor() {
        return role().filter(r -> r == Role.EXHIBITOR).isPresent();
    }

    /** The language tag of this page, for {@code <html lang>}. */
    public String getLang() {
        return requestLocale.get().toLanguageTag();
    }

    public boolean isChinese() {
        return Messages.CHINESE.equals(requestLocale.get());
    }

    public String getPath() {
        return currentRequest.getCurrent() == null ? "/" : currentRequest.getCurrent().normalizedPath();
    }

    /** True on the page at {@code prefix} or below it, for highlighting the navigation. */
    public boolean at(String prefix) {
        String path = getPath();
        return "/".equals(prefix) ? "/".equals(path) : path.startsWith(prefix);
    }

    /** The flash message, translated, once. */
    public String getFlash() {
        if (currentRequest.getCurrent() == null) {
            return null;
        }
        Cookie cookie = currentRequest.getCurrent().request().getCookie(Flash.COOKIE);
        if (cookie == null || !Flash.isValidKey(cookie.getValue())) {
            return null;
        }
        // pages render after the response filters, so the cookie is cleared right here, once shown
        currentRequest.getCurrent().response().addCookie(io.vertx.core.http.Cookie.cookie(Flash.COOKIE, "")
                .setPath("/").setMaxAge(0).setHttpOnly(true));
        return Messages.text(requestLocale.get(), cookie.getValue());
    }

    /**
     * The CSRF token for forms. Where the CSRF filter refused the request (and so set none), the
     * error page still renders; its forms then carry the browser's current cookie value.
     */
    public String getCsrfToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException refusedRequest) {
            Cookie cookie = currentRequest.getCurrent() == null ? null
                    : currentRequest.getCurrent().request().getCookie("expodesk_csrf");
            return cookie == null ? "" : cookie.getValue();
        }
    }

    /** Unread notifications of the signed-in user, for the badge in the navigation. */
    public long getUnread() {
        return currentUser.get().map(u -> inbox.unread(u.userId())).orElse(0L);
    }

    public int getPasswordMinLength() {
        return passwordPolicy.minLength();
    }

    private Optional<Role> role() {
        return currentUser.get().map(SignedInUser::role);
    }
}
