package org.expodesk.web;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import io.quarkus.security.Authenticated;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call an endpoint is written on it, and the endpoints anyone may call are the ones listed
 * here: a new public route has to be added to this list on purpose (with its own abuse limits and
 * tests), never by a copied {@code @PermitAll}. An endpoint without any rule would be refused to
 * everyone ({@code deny-unannotated-endpoints}), which is a mistake too, so it is named as well.
 */
class PublicEndpointsTest {

    /** {@code Class#method} of every endpoint open without sign-in, and why. */
    private static final Set<String> PUBLIC = Set.of(
            // signing in and out, a new account's password by its single-use link, the language
            "account.api.AuthResource#issue",
            "web.pages.SignInPage#form",
            "web.pages.SignInPage#submit",
            "web.pages.SignInPage#logout",
            "web.pages.SignInPage#setupForm",
            "web.pages.SignInPage#setup",
            "web.pages.LanguageSwitch#choose",
            // a scanner device proves itself with its one-time setup code
            "account.api.DeviceActivationResource#activate",
            // the check-in page is a shell; its data calls need the device's token
            "checkin.pages.CheckinPage#page",
            // a holder's badge by the unguessable link of the mail
            "badge.api.PublicBadgeResource#pdf",
            // a subscriber's calendar by its secret feed token
            "plan.api.CalendarFeedResource#feed",
            // the unsubscribe and survey links of mails (tokens)
            "ops.mail.UnsubscribePage#ask",
            "ops.mail.UnsubscribePage#unsubscribe",
            "followup.survey.pages.SurveyPage#show",
            "followup.survey.pages.SurveyPage#answer",
            "followup.survey.pages.SurveyPage#thanks",
            // public registration and exhibitor applications (rate-limited, honeypot)
            "registration.api.PublicRegistrationResource#register",
            "registration.pages.RegisterPage#show",
            "registration.pages.RegisterPage#register",
            "registration.pages.RegisterPage#received",
            "registration.pages.RegisterPage#thanks",
            "registration.exhibitor.api.PublicApplicationResource#apply",
            "registration.exhibitor.api.PublicConfirmationResource#confirm",
            "registration.exhibitor.pages.ApplicationPage#show",
            "registration.exhibitor.pages.ApplicationPage#apply",
            "registration.exhibitor.pages.ApplicationPage#thanks",
            "registration.exhibitor.pages.ApplicationPage#link",
            "registration.exhibitor.pages.ApplicationPage#confirm");

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

    @Test
    void everyEndpointSaysWhoMayCallItAndOnlyTheListedOnesAreOpenToAnyone() throws Exception {
        Set<String> open = new TreeSet<>();
        Set<String> withoutRule = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || HTTP_METHODS.stream().noneMatch(method::isAnnotationPresent)) {
                    continue;
                }
                String name = resource.getName().substring("org.expodesk.".length()) + "#" + method.getName();
                Annotation rule = rule(method);
                if (rule == null) {
                    rule = rule(resource);
                }
                if (rule == null) {
                    withoutRule.add(name);
                } else if (rule instanceof PermitAll) {
                    open.add(name);
                }
            }
        }
        assertThat(withoutRule).as("endpoints without @RolesAllowed, @PermitAll, @Authenticated or @DenyAll").isEmpty();
        assertThat(open).as("endpoints open to anyone").isEqualTo(new TreeSet<>(PUBLIC));
    }

    private static Annotation rule(java.lang.reflect.AnnotatedElement element) {
        for (Class<? extends Annotation> kind : List.of(RolesAllowed.class, PermitAll.class, Authenticated.class,
                DenyAll.class)) {
            Annotation a = element.getAnnotation(kind);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** The compiled classes of the application with a JAX-RS {@code @Path}. */
    private static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path root = Paths.get("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/expodesk"))) {
            return files.map(root::relativize).map(java.nio.file.Path::toString)
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(PublicEndpointsTest::load)
                    .filter(c -> c.isAnnotationPresent(Path.class))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicEndpointsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
