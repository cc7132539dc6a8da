package org.expodesk.party.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.Verification;
import org.expodesk.party.segment.SegmentFilter;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.i18n.RequestLocale;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every organization and every person, filtered and a page at a time. The filters are an unsaved
 * segment, so the list, its count and its export are the same query.
 */
@Path("/customers/lists")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class CustomerListsPage {

    static final int PAGE_SIZE = 50;

    /** The filters as given, and the same as a query string for the pager and the export links. */
    public record ListFilter(String name, String country, String verification, String industry, String tag,
                             String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organizations(List<Organization> items, long total, int page, int pages,
                                                     ListFilter filter, Verification[] verifications,
                                                     Map<String, String> errors);

        static native TemplateInstance people(List<Person> items, long total, int page, int pages, ListFilter filter,
                                              Map<Long, String> organizationNames, Map<String, String> errors);
    }

    @Inject
    Segments segments;

    @Inject
    RequestLocale locale;

    @GET
    @Path("/organizations")
    public TemplateInstance organizations(@QueryParam("name") String name, @QueryParam("country") String country,
                                          @QueryParam("verification") String verification,
                                          @QueryParam("industry") String industry, @QueryParam("tag") String tag,
                                          @QueryParam("page") Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        ListFilter filter = filter(name, country, verification, industry, tag);
        try {
            Segments.Members members = segments.members(segments.checkOrThrow("ORGANIZATIONS", segmentFilter(filter)),
                    p, PAGE_SIZE);
            return Templates.organizations(segments.organizations(members.ids()), members.total(), p,
                    pages(members.total()), filter, Verification.values(), Map.of());
        } catch (ProblemException refused) {
            return Templates.organizations(List.of(), 0, 0, 1, filter, Verification.values(), errors(refused));
        }
    }

    @GET
    @Path("/people")
    public TemplateInstance people(@QueryParam("name") String name, @QueryParam("country") String country,
                                   @QueryParam("tag") String tag, @QueryParam("page") Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        ListFilter filter = filter(name, country, null, null, tag);
        try {
            Segments.Members members = segments.members(segments.checkOrThrow("PEOPLE", segmentFilter(filter)), p,
                    PAGE_SIZE);
            List<Person> items = segments.people(members.ids());
            List<Long> ids = items.stream().map(x -> x.organizationId).filter(java.util.Objects::nonNull).distinct()
                    .toList();
            Map<Long, String> names = ids.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1", ids)
                    .stream().collect(Collectors.toMap(o -> o.id, o -> o.name));
            return Templates.people(items, members.total(), p, pages(members.total()), filter, names, Map.of());
        } catch (ProblemException refused) {
            return Templates.people(List.of(), 0, 0, 1, filter, Map.of(), errors(refused));
        }
    }

    /** The list's filters as the segment filter that the list, its count and its export all run. */
    static SegmentFilter segmentFilter(ListFilter f) {
        return new SegmentFilter(f.country().isEmpty() ? List.of() : List.of(f.country()), null, null,
                f.industry().isEmpty() ? null : f.industry(), List.of(), f.tag().isEmpty() ? List.of() : List.of(f.tag()),
                List.of(), f.verification().isEmpty() ? null : f.verification(), null, List.of(), null, null,
                f.name().isEmpty() ? null : f.name());
    }

    static ListFilter filter(String name, String country, String verification, String industry, String tag) {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("name", name);
        given.put("country", country);
        given.put("verification", verification);
        given.put("industry", industry);
        given.put("tag", tag);
        String query = given.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new ListFilter(blank(name), blank(country), blank(verification), blank(industry), blank(tag), query);
    }

    private Map<String, String> errors(ProblemException refused) {
        // the filter form's fields are named as the list's, not as the segment's ("filter.countries")
        Map<String, String> errors = new LinkedHashMap<>();
        new FormErrors(locale.get()).addAll(refused).map().forEach((field, message) -> errors.put(
                field.replace("filter.", "").replace("countries", "country").replace("tagsAny", "tag"), message));
        return errors;
    }

    private static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static String blank(String value) {
        return value == null ? "" : value.trim();
    }
}
