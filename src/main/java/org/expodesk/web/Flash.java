package org.expodesk.web;

import jakarta.ws.rs.core.NewCookie;
import org.expodesk.web.i18n.Messages;

/**
 * A one-line confirmation shown on the page after a redirect ("Password changed"). The cookie
 * carries only a message key, checked against the bundle when read, so it cannot inject text.
 */
public final class Flash {

    public static final String COOKIE = "expodesk_flash";

    private Flash() {
    }

    public static NewCookie of(String messageKey) {
        return new NewCookie.Builder(COOKIE).value(messageKey).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(60).build();
    }

    static NewCookie cleared() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX)
                .maxAge(0).build();
    }

    static boolean isValidKey(String key) {
        return key != null && key.matches("[A-Za-z0-9_]{1,80}") && Messages.has(key);
    }
}
