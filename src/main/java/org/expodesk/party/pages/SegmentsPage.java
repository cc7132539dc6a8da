package org.expodesk.party.pages;

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
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.Organization;
import org.expodesk.party.ParticipationRole;
import org.expodesk.party.Person;
import org.expodesk.party.category.ProductCategories;
import org.expodesk.party.category.ProductCategory;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.Exports;
import org.expodesk.party.segment.Segment;
import org.expodesk.party.segment.SegmentKind;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Segments: the list, the builder (with a live count), a segment's members page by page, exports. */
@Path("/customers/segments")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class SegmentsPage {

    private static final int PAGE_SIZE = 50;

    /** Editions to choose from, grouped by show series. */
    public record EditionGroup(String series, List<Exhibition> editions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance segments(List<Segment> segments);

        static native TemplateInstance builder(Long id, SegmentForm form, Map<String, String> errors,
                                               List<ProductCategory> categories, List<EditionGroup> editions,
                                               List<ParticipationRole> roles, Long count);

        static native TemplateInstance builder$count(Long count, Map<String, String> errors);

        static native TemplateInstance members(Segment segment, List<Organization> organizations, List<Person> people,
                                               Map<Long, String> organizationNames, long total, int page, int pages);
    }

    @Inject
    Segments segments;

    @Inject
    Exports exports;

    @Inject
    ProductCategories taxonomy;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list() {
        return Templates.segments(segments.list());
    }

    @GET
    @Path("/new")
    public TemplateInstance newSegment() {
        return builder(null, SegmentForm.empty(), Map.of(), null);
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") long id) {
        Segment s = segments.get(id);
        return builder(id, SegmentForm.of(s, segments.filterOf(s)), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@jakarta.ws.rs.BeanParam Fields fields) {
        return save(null, fields.form());
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @jakarta.ws.rs.BeanParam Fields fields) {
        segments.get(id);
        return save(id, fields.form());
    }

    /** The live count of the builder: how many the filter as typed finds (htmx). */
    @POST
    @Path("/count")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance count(@jakarta.ws.rs.BeanParam Fields fields) {
        FormErrors errors = new FormErrors(locale.get());
        List<String[]> bad = new ArrayList<>();
        Segments.NewSegment request = fields.form().toRequest(bad);
        bad.forEach(e -> errors.add(e[0], e[1]));
        if (!errors.isEmpty()) {
            return Templates.builder$count(null, errors.map());
        }
        try {
            return Templates.builder$count(segments.members(segments.checkOrThrow(request.kind(), request.filter()), 0, 1)
                    .total(), Map.of());
        } catch (ProblemException refused) {
            return Templates.builder$count(null, formErrors(refused));
        }
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        segments.delete(id);
        return Pages.redirectWithFlash("/customers/segments", "party_segmentDeleted");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance members(@PathParam("id") long id, @QueryParam("page") Integer page) {
        Segment s = segments.get(id);
        int p = page == null || page < 0 ? 0 : page;
        Segments.Members members = segments.members(segments.checked(s), p, PAGE_SIZE);
        int pages = (int) Math.max(1, (members.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (s.kind == SegmentKind.PEOPLE) {
            List<Person> people = segments.people(members.ids());
            Map<Long, String> names = new LinkedHashMap<>();
            List<Long> orgIds = people.stream().map(x -> x.organizationId).filter(java.util.Objects::nonNull).distinct()
                    .toList();
            segments.organizations(orgIds).forEach(o -> names.put(o.id, o.name));
            return Templates.members(s, List.of(), people, names, members.total(), p, pages);
        }
        return Templates.members(s, segments.organizations(members.ids()), List.of(), Map.of(), members.total(), p,
                pages);
    }

    @GET
    @Path("/{id}/export.{format: csv|xlsx}")
    public Response export(@PathParam("id") long id, @PathParam("format") String format) {
        Segment s = segments.get(id);
        return ExportResponses.download(exports.export(segments.checked(s), ExportResponses.format(format),
                "segment-" + s.id, "segment " + s.id + " (" + s.name + ")"));
    }

    private Response save(Long id, SegmentForm form) {
        List<String[]> bad = new ArrayList<>();
        Segments.NewSegment request = form.toRequest(bad);
        FormErrors errors = new FormErrors(locale.get());
        bad.forEach(e -> errors.add(e[0], e[1]));
        if (errors.isEmpty()) {
            try {
                Segment s = id == null ? segments.create(request, currentUser.require().userId())
                        : segments.update(id, request);
                return Pages.redirectWithFlash("/customers/segments/" + s.id, "party_segmentSaved");
            } catch (ProblemException refused) {
                if (refused.problem().status() == 404) {
                    throw refused;
                }
                return Response.status(refused.problem().status() == 409 ? 409 : 400)
                        .entity(builder(id, form, formErrors(refused), null)).build();
            }
        }
        return Response.status(400).entity(builder(id, form, errors.map(), null)).build();
    }

    /** Field errors under the builder's field names ({@code filter.countries} is the field {@code countries}). */
    private Map<String, String> formErrors(ProblemException refused) {
        Map<String, String> byField = new LinkedHashMap<>();
        new FormErrors(locale.get()).addAll(refused).map()
                .forEach((field, message) -> byField.putIfAbsent(field.replaceFirst("^filter\\.", ""), message));
        return byField;
    }

    private TemplateInstance builder(Long id, SegmentForm form, Map<String, String> errors, Long count) {
        Map<String, List<Exhibition>> bySeries = new LinkedHashMap<>();
        exhibitions.list().stream().sorted(Comparator.comparing((Exhibition e) -> e.opensOn).reversed())
                .forEach(e -> bySeries.computeIfAbsent(e.series.name, k -> new ArrayList<>()).add(e));
        List<EditionGroup> groups = bySeries.entrySet().stream().map(e -> new EditionGroup(e.getKey(), e.getValue()))
                .toList();
        return Templates.builder(id, form, errors, taxonomy.all(), groups, List.of(ParticipationRole.values()), count);
    }

    /** The builder's form fields. */
    public static class Fields {
        @RestForm
        String name;
        @RestForm
        String description;
        @RestForm
        String kind;
        @RestForm
        String countries;
        @RestForm
        String province;
        @RestForm
        String city;
        @RestForm
        String industry;
        @RestForm
        List<String> categories;
        @RestForm
        String tagsAny;
        @RestForm
        String tagsAll;
        @RestForm
        String verification;
        @RestForm
        String owner;
        @RestForm
        List<String> clauseMode;
        @RestForm
        List<String> clauseExhibition;
        @RestForm
        List<String> clauseRole;
        @RestForm
        String organization;
        @RestForm
        String language;
        @RestForm
        Long version;

        SegmentForm form() {
            return new SegmentForm(text(name), text(description), kind == null || kind.isBlank() ? "ORGANIZATIONS" : kind,
                    text(countries), text(province), text(city), text(industry),
                    categories == null ? List.of() : categories, text(tagsAny), text(tagsAll), text(verification),
                    text(owner), SegmentForm.rows(clauseMode, clauseExhibition, clauseRole), text(organization),
                    text(language), version);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }
}
