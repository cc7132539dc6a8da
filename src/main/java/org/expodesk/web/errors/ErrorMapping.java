package org.expodesk.web.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.ratelimit.RateLimiter;
import org.expodesk.platform.problem.ProblemType;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns every failure into what the client can use: problem+json under {@code /api}, an error
 * page (or the sign-in page) elsewhere. Nothing internal reaches a client: unexpected errors are
 * logged with a reference that the client is shown instead.
 */
public class ErrorMapping {

    private static final Logger LOG = Logger.getLogger(ErrorMapping.class);

    @Inject
    RequestLocale requestLocale;

    @Inject
    AuditLog audit;

    @ServerExceptionMapper
    public Uni<Response> problem(ProblemException e, HttpServerRequest request) {
        return onWorker(() -> {
            Response response = respond(request, translate(e.problem()), null);
            return e instanceof RateLimiter.TooManyRequests tooMany
                    ? Response.fromResponse(response).header("Retry-After", tooMany.retryAfterSeconds()).build()
                    : response;
        });
    }

    @ServerExceptionMapper
    public Uni<Response> invalid(ConstraintViolationException e, HttpServerRequest request) {
        return onWorker(() -> invalidNow(e, request));
    }

    private Response invalidNow(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return respond(request, Problem.of(ProblemType.VALIDATION, detail).withErrors(errors), null);
    }

    @ServerExceptionMapper
    public Uni<Response> malformedJson(MismatchedInputException e, HttpServerRequest request) {
        return onWorker(() -> mismatchedNow(e, request));
    }

    private Response mismatchedNow(MismatchedInputException e, HttpServerRequest request) {
        String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                : "[" + ref.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse(null);
        Problem problem = Problem.of(ProblemType.MALFORMED,
                field == null ? "The request body does not have the expected shape" : "Field '" + field + "' has the wrong type");
        if (field != null) {
            problem = problem.withErrors(List.of(new FieldError(field, "wrong type")));
        }
        return respond(request, problem, null);
    }

    @ServerExceptionMapper
    public Uni<Response> malformedJson(JsonProcessingException e, HttpServerRequest request) {
        return onWorker(() -> respond(request, Problem.of(ProblemType.MALFORMED, "The request body is not valid JSON"),
                null));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(HttpServerRequest request) {
        if (!isApi(request)) {
            String next = request.uri();
            return Response.seeOther(java.net.URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                    .build();
        }
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHENTICATED, "Sign in first: send a bearer token")).build();
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, HttpServerRequest request) {
        return onWorker(() -> {
            audit.record(AuditAction.ACCESS_DENIED, null, null, request.method() + " " + request.path());
            return respond(request, Problem.of(ProblemType.FORBIDDEN, "You are not allowed to do this"), null);
        });
    }

    @ServerExceptionMapper
    public Uni<Response> web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return Uni.createFrom().item(e.getResponse());
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        return onWorker(() -> respond(request, Problem.of(type, type.title()), e.getResponse()));
    }

    @ServerExceptionMapper
    public Uni<Response> unexpected(Throwable e, HttpServerRequest request) {
        return onWorker(() -> unexpectedNow(e, request));
    }

    private Response unexpectedNow(Throwable e, HttpServerRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return respond(request, Problem.of(ProblemType.CONFLICT,
                        "Someone else changed this in the meantime; reload and try again"), null);
            }
        }
        if (poolExhausted(e)) {
            // every database connection was busy for the pool's whole wait: a burst, not a bug; the client may retry
            LOG.warnf("No database connection free in time for %s %s", request.method(), loggable(request.path()));
            Response busy = respond(request, Problem.of(ProblemType.UNAVAILABLE,
                    "The service is busy; try again in a moment"), null);
            return Response.fromResponse(busy).header("Retry-After", "2").build();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s %s", reference, request.method(), loggable(request.path()));
        Problem problem = Problem.of(ProblemType.INTERNAL, "Something went wrong on our side; reference " + reference);
        if (!isApi(request)) {
            return Response.status(500).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(ErrorPages.page(500, reference).render()).build();
        }
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The path without what may be a secret: public links carry their token in the path
     * ({@code /badges/{token}.pdf}, {@code /survey/{token}}), so a long segment is logged as its first characters.
     */
    static String loggable(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].length() > 20) {
                segments[i] = segments[i].substring(0, 4) + "…";
            }
        }
        return String.join("/", segments);
    }

    /** Agroal's answer when no connection came free within the acquisition timeout. */
    private static boolean poolExhausted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException && cause.getMessage() != null
                    && cause.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private Response respond(HttpServerRequest request, Problem problem, Response original) {
        if (!isApi(request)) {
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(ErrorPages.page(problem.status(), null).render()).build();
        }
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (original != null && original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }

    /** Field messages (and a detail) are message keys where the domain knows them; the client reads sentences. */
    private Problem translate(Problem problem) {
        Locale locale = requestLocale.get();
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return Messages.has(problem.detail()) ? new Problem(problem.type(), problem.title(), problem.status(),
                    Messages.text(locale, problem.detail()), problem.errors(), problem.allowed()) : problem;
        }
        List<FieldError> errors = problem.errors().stream()
                .map(err -> Messages.has(err.message())
                        ? new FieldError(err.field(), Messages.text(locale, err.message())) : err)
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : problem.detail();
        return new Problem(problem.type(), problem.title(), problem.status(), detail, errors, problem.allowed());
    }

    /**
     * Error pages show who is signed in and in which language, which may need the database;
     * security failures arrive on the I/O thread, where that must not happen.
     */
    private static Uni<Response> onWorker(Supplier<Response> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static boolean isApi(HttpServerRequest request) {
        String path = request.path();
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** "create.arg0.name" becomes "name": clients know their fields, not our method parameters. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String last = null;
        int depth = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            depth++;
            if (node.getName() != null) {
                last = node.getName();
            }
            if (depth <= 2 && (node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                last = node.getName();
            }
        }
        if (last == null) {
            return "body";
        }
        return last.matches("arg\\d+|request|body") ? "body" : last;
    }
}
