package org.expodesk.testing;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * What a browser does with pages, done over HTTP: keeps cookies, reads the CSRF token from the
 * last page, and posts forms with it. For page tests that need no JavaScript.
 */
public final class BrowserSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String csrf;

    public static BrowserSession signedIn(String username, String password) {
        BrowserSession session = new BrowserSession();
        session.get("/login");
        Response login = session.post("/login", Map.of("username", username, "password", password));
        if (login.statusCode() != 303) {
            throw new AssertionError("Sign-in failed with " + login.statusCode());
        }
        return session;
    }

    public BrowserSession header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) {
        Response response = request().get(path);
        remember(response);
        return response;
    }

    /** Posts a form with the CSRF token of the last page seen. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** Posts a form exactly as given, without adding the CSRF token. */
    public Response postRaw(String path, Map<String, String> form) {
        Response response = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post(path);
        remember(response);
        return response;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public BrowserSession withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies).headers(headers);
    }

    private void remember(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
        String contentType = response.getContentType();
        if (contentType != null && contentType.startsWith("text/html")) {
            Matcher m = CSRF_FIELD.matcher(response.asString());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }
}
