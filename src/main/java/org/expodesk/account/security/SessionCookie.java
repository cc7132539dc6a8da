package org.expodesk.account.security;

import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;

/** The page session cookie: HttpOnly, SameSite=Lax, Secure when served over TLS. */
public final class SessionCookie {

    public static final String NAME = "expodesk_session";

    private SessionCookie() {
    }

    public static NewCookie of(String secret, Duration maxAge, boolean secure) {
        return new NewCookie.Builder(NAME).value(secret).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) maxAge.toSeconds()).build();
    }

    public static NewCookie expired(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }
}
