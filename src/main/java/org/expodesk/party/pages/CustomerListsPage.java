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
import org.expodesk.party.Organizations;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.Verification;
import org.expodesk.platform.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Every organization and every person, filtered and a page at a time. */
@Path("/customers/lists")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class CustomerListsPage {

    static final int PAGE_SIZE = 50;

    /** The filters as given, and the same as a query string for the pager and the export links. */
    public record OrgFilter(String name, String country, String verification, String industry, String tag, String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organizations(List<Organization> items, long total, int page, int pages,
                                                     OrgFilter filter, Verification[] verifications);

        static native TemplateInstance people(List<Person> items, long total, int page, int pages, String name,
                                              String query, Map<Long, String> organizationNames);
    }

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @GET
    @Path("/organizations")
    public TemplateInstance organizations(@QueryParam("name") String name, @QueryParam("country") String country,
                                          @QueryParam("verification") String verification,
                                          @QueryParam("industry") String industry, @QueryParam("tag") String tag,
                                          @QueryParam("page") Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        Verification v = parse(verification);
        Organizations.Listing listing = organizations.list(new Organizations.Filter(name, country, v, industry, tag), p,
                PAGE_SIZE);
        Map<String, String> given = new LinkedHashMap<>();
        given.put("name", name);
        given.put("country", country);
        given.put("verification", v == null ? null : v.name());
        given.put("industry", industry);
        given.put("tag", tag);
        OrgFilter filter = new OrgFilter(blank(name), blank(country), v == null ? "" : v.name(), blank(industry),
                blank(tag), query(given));
        return Templates.organizations(listing.items(), listing.total(), p, pages(listing.total()), filter,
                Verification.values());
    }

    @GET
    @Path("/people")
    public TemplateInstance people(@QueryParam("name") String name, @QueryParam("page") Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        People.Listing listing = people.list(name, null, p, PAGE_SIZE);
        List<Long> ids = listing.items().stream().map(x -> x.organizationId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        Map<Long, String> names = ids.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(o -> o.id, o -> o.name));
        Map<String, String> given = new LinkedHashMap<>();
        given.put("name", name);
        return Templates.people(listing.items(), listing.total(), p, pages(listing.total()), blank(name), query(given),
                names);
    }

    private static Verification parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Verification.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static String blank(String value) {
        return value == null ? "" : value.trim();
    }

    private static String query(Map<String, String> given) {
        return given.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().trim(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
