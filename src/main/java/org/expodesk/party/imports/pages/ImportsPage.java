package org.expodesk.party.imports.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.imports.ImportKind;
import org.expodesk.party.imports.ImportRefused;
import org.expodesk.party.imports.ImportRowError;
import org.expodesk.party.imports.ImportRun;
import org.expodesk.party.imports.Imports;
import org.expodesk.party.imports.api.ImportResource;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The import wizard: upload a file, map its columns (pre-filled from headers and the source's
 * saved mapping), check every row, start; then a progress bar that refreshes itself and the
 * final report.
 */
@Path("/customers/imports")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ImportsPage {

    static final int SHOWN_PROBLEMS = 200;

    /** One column of the preview: its header, the chosen field, the first rows' values. */
    public record Column(int index, String header, String field) {
    }

    public record Option(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(List<ImportRun> runs, String error);

        static native TemplateInstance run(ImportRun run, List<Column> columns, List<List<String>> rows,
                                           List<Option> fields, List<Imports.RowProblem> problems, boolean checked,
                                           List<ImportRowError> errors, String error);

        static native TemplateInstance run$progress(ImportRun run, List<ImportRowError> errors);
    }

    @Inject
    Imports imports;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return Templates.imports(imports.recent(), null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String kind, @RestForm String source) {
        try {
            if (file == null || file.size() == 0) {
                throw ProblemException.invalid("file", "party_import_empty");
            }
            ImportKind k = ImportKind.of(kind).orElseThrow(() -> ProblemException.invalid("kind",
                    "party_import_kindInvalid"));
            ImportRun run = imports.upload(ImportResource.read(file, imports), file.fileName(), k, source,
                    currentUser.require().username());
            return Pages.redirect("/customers/imports/" + run.id);
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(Templates.imports(imports.recent(), message(refused))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("checked") boolean checked) {
        return page(imports.get(id), checked, null);
    }

    private TemplateInstance page(ImportRun run, boolean checked, String error) {
        if (run.status != ImportRun.Status.UPLOADED) {
            return Templates.run(run, List.of(), List.of(), List.of(), List.of(), false,
                    imports.errors(run.id, SHOWN_PROBLEMS), error);
        }
        Imports.Sheet sheet = imports.sheet(run);
        Map<String, String> mapping = imports.mapping(run);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < sheet.header().size(); i++) {
            String header = sheet.header().get(i);
            columns.add(new Column(i, header, mapping.getOrDefault(header.trim().toLowerCase(Locale.ROOT), "")));
        }
        Locale language = locale.get();
        List<Option> fields = new ArrayList<>();
        fields.add(new Option("", Messages.text(language, "party_import_ignore")));
        for (String f : run.kind.fields()) {
            fields.add(new Option(f, Messages.text(language, "party_import_field_" + f)));
        }
        List<Imports.RowProblem> problems = List.of();
        if (checked) {
            try {
                problems = imports.check(run.id, SHOWN_PROBLEMS);
            } catch (ProblemException refused) {
                error = message(refused);
                checked = false;
            }
        }
        return Templates.run(run, columns, sheet.firstRows(), fields, problems, checked, List.of(), error);
    }

    /** The mapping as chosen (one {@code column} per header, in order), then check or start. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response map(@PathParam("id") long id, @RestForm List<String> column, @RestForm String save,
                        @RestForm String action) {
        ImportRun run = imports.get(id);
        try {
            List<String> header = imports.sheet(run).header();
            Map<String, String> mapping = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                mapping.put(header.get(i), column != null && i < column.size() ? column.get(i) : "");
            }
            imports.map(id, mapping, save != null);
            if ("start".equals(action)) {
                imports.start(id);
                return Pages.redirect("/customers/imports/" + id);
            }
            return Pages.redirect("/customers/imports/" + id + "?checked=true");
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status())
                    .entity(page(imports.get(id), false, message(refused))).build();
        }
    }

    /** The progress bar and, once done, the report; htmx polls it while the import runs. */
    @GET
    @Path("/{id}/progress")
    public TemplateInstance progress(@PathParam("id") long id) {
        return Templates.run$progress(imports.get(id), imports.errors(id, SHOWN_PROBLEMS));
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response errors(@PathParam("id") long id) {
        return Response.ok(Imports.csv(imports.report(id, 100_000), locale.get()))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    private String message(ProblemException refused) {
        Locale language = locale.get();
        if (refused instanceof ImportRefused r) {
            String text = Messages.text(language, r.messageKey());
            return r.line() == null ? text : text + " " + Messages.text(language, "party_import_atLine", r.line());
        }
        var errors = refused.problem().errors();
        if (errors != null && !errors.isEmpty()) {
            return Imports.text(language, errors.get(0).message());
        }
        return Messages.text(language, refused.getMessage());
    }
}
