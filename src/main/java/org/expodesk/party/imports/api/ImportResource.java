package org.expodesk.party.imports.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.imports.ImportKind;
import org.expodesk.party.imports.ImportRun;
import org.expodesk.party.imports.Imports;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

/**
 * Customer imports through the API (staff only): a file whose headers are field names, or with a
 * saved mapping named, is checked whole and then imported in the background.
 */
@Path("/api/imports")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final int MAX_ERRORS_SHOWN = 1000;

    public record Created(long id) {
    }

    public record RowErrorView(int row, String field, String message) {
    }

    public record ImportView(long id, String status, String kind, String source, String fileName, int rows,
                             int created, int updated, int merged, int needsReview, int unchanged, int errorRows,
                             List<RowErrorView> errors, int progress) {
    }

    @Inject
    Imports imports;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    /** Multipart {@code file}, {@code kind}; optional {@code mapping} (a saved mapping's source) and {@code source}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String kind, @RestForm String mapping,
                           @RestForm String source) {
        if (file == null) {
            throw ProblemException.invalid("file", "field_required");
        }
        ImportKind k = ImportKind.of(kind).orElseThrow(() -> ProblemException.invalid("kind", "party_import_kindInvalid"));
        ImportRun run = imports.uploadAndStart(read(file, imports), file.fileName(), k, source, mapping,
                currentUser.require().username());
        return Response.accepted(new Created(run.id)).header("Location", "/api/imports/" + run.id).build();
    }

    @GET
    @Path("/{id}")
    public ImportView get(@PathParam("id") long id) {
        ImportRun run = imports.get(id);
        Locale language = locale.get();
        List<RowErrorView> errors = imports.errors(id, MAX_ERRORS_SHOWN).stream()
                .map(e -> new RowErrorView(e.rowNo, e.field, Imports.text(language, e.message))).toList();
        return new ImportView(run.id, run.status.name(), run.kind.code(), run.source, run.fileName, run.totalRows,
                run.created, run.updated, run.merged, run.needsReview, run.unchanged, run.errors, errors, run.progress());
    }

    /** The row report as CSV: row, column, message. */
    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response errors(@PathParam("id") long id) {
        return Response.ok(Imports.csv(imports.report(id, 100_000), locale.get()))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    /** The upload's bytes, refused before reading when it is over the limit. */
    public static byte[] read(FileUpload file, Imports imports) {
        imports.requireSize(file.size());
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
