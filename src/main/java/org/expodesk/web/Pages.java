package org.expodesk.web;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Small helpers every page controller uses: redirect after POST, safe return addresses. */
public final class Pages {

    private Pages() {
    }

    public static Response redirect(String path, NewCookie... cookies) {
        return Response.seeOther(URI.create(path)).cookie(cookies).build();
    }

    public static Response redirectWithFlash(String path, String messageKey) {
        return redirect(path, Flash.of(messageKey));
    }

    /** A return address from a form or query: only a path on this site, else home. */
    public static String safeNext(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.contains("\r") || next.contains("\n") || next.length() > 500) {
            return "/";
        }
        return next;
    }
}
