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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.People;
import org.expodesk.party.Person;
import org.expodesk.party.dedup.DedupCandidate;
import org.expodesk.party.dedup.DedupScan;
import org.expodesk.party.dedup.DedupScans;
import org.expodesk.party.dedup.MergeLog;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.party.dedup.OrganizationMerge;
import org.expodesk.party.dedup.PersonMatcher;
import org.expodesk.party.dedup.PersonMerge;
import org.expodesk.party.dedup.ReviewQueue;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.web.FormErrors;
import org.expodesk.web.Pages;
import org.expodesk.web.i18n.RequestLocale;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The review queue of likely duplicates (organizations or people), the merge screen (one value
 * per field, from either record), lookalikes of one record for merging by hand, and the recent
 * merges with their undo.
 */
@Path("/customers/review")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    static final int SHOWN = 100;

    /** Which records a view is about: {@code organizations} or {@code people} in addresses. */
    public enum Kind {
        ORGANIZATION("organizations"), PERSON("people");

        public final String path;

        Kind(String path) {
            this.path = path;
        }

        static Kind of(String path) {
            return "people".equals(path) ? PERSON : ORGANIZATION;
        }
    }

    /** One record as the pages show it. */
    public record Side(long id, String name, String detail, String href) {
    }

    /** One row of the merge screen: a field, both values, and which one is kept. */
    public record FieldChoice(String field, Object kept, Object other, boolean same, boolean takeOther) {
    }

    public record Pair(DedupCandidate candidate, Side record, Side existing) {
    }

    public record Lookalike(Side side, double score, List<String> reasons) {
    }

    public record Merge(MergeLog log, Kind kind, Side survivor, Side duplicate) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Kind kind, List<Pair> pairs, String q, String qParam, int page, int pages,
                                              List<Merge> merges, DedupScan scan);

        static native TemplateInstance review$scan(Kind kind, DedupScan scan);

        static native TemplateInstance merge(Kind kind, Side survivor, Side duplicate, Long candidate,
                                             List<FieldChoice> fields, Map<String, String> errors);

        static native TemplateInstance lookalikes(Kind kind, Side record, List<Lookalike> matches);
    }

    @Inject
    ReviewQueue queue;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    OrganizationMatcher organizationMatcher;

    @Inject
    PersonMatcher personMatcher;

    @Inject
    OrganizationMerge organizationMerges;

    @Inject
    PersonMerge personMerges;

    @Inject
    DedupScans scans;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list(@QueryParam("kind") String kindPath, @QueryParam("q") String q,
                                 @QueryParam("page") Integer page) {
        Kind kind = Kind.of(kindPath);
        int p = page == null || page < 0 ? 0 : page;
        String key = q == null ? "" : kind == Kind.PERSON ? NameKeys.fold(q) : NameKeys.organization(q);
        // pairs whose either side has the typed name in its key; the whole queue otherwise
        String entity = kind == Kind.PERSON ? "Person" : "Organization";
        // only pairs of two live records, so that the count and the pages agree
        String live = "select x.id from " + entity + " x where x.mergedInto is null";
        String where = "status = ?1 and kind = ?2 and recordId in (" + live + ") and candidateId in (" + live + ")"
                + (key.isEmpty() ? "" : " and (recordId in (" + live + " and x.nameKey like ?3) or candidateId in ("
                + live + " and x.nameKey like ?3))");
        Object[] params = key.isEmpty() ? new Object[] {DedupCandidate.OPEN, kind.name()}
                : new Object[] {DedupCandidate.OPEN, kind.name(), "%" + key + "%"};
        var query = DedupCandidate.<DedupCandidate>find(where + " order by score desc, id", params);
        long total = query.count();
        List<Pair> pairs = new ArrayList<>();
        for (DedupCandidate c : query.page(p, SHOWN).list()) {
            Side record = side(kind, c.recordId);
            Side existing = side(kind, c.candidateId);
            if (record != null && existing != null) {
                pairs.add(new Pair(c, record, existing));
            }
        }
        List<Merge> merges = new ArrayList<>();
        for (MergeLog m : MergeLog.<MergeLog>find("kind = ?1 order by id desc", kind.name()).page(0, 20).list()) {
            merges.add(new Merge(m, kind, anySide(kind, m.survivorId), anySide(kind, m.duplicateId)));
        }
        String query0 = q == null ? "" : q;
        DedupScan scan = DedupScan.<DedupScan>find("kind = ?1 order by id desc", kind.name()).firstResult();
        return Templates.review(kind, pairs, query0, URLEncoder.encode(query0, StandardCharsets.UTF_8), p,
                (int) ((total + SHOWN - 1) / SHOWN), merges, scan);
    }

    /** Looks through the whole database for duplicates in the background; the page follows its progress. */
    @POST
    @Path("/scans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scan(@RestForm String kind) {
        Kind k = Kind.of(kind);
        try {
            DedupScan scan = scans.start(k.path, currentUser.require().username());
            scans.launch(scan.id);
            return Pages.redirectWithFlash(back(k, null), "party_scanStarted");
        } catch (ProblemException refused) {
            if (refused.problem().status() != 409) {
                throw refused;
            }
            return Pages.redirectWithFlash(back(k, null), "party_scanRunning");
        }
    }

    /** The progress of a scan, refreshed by the page while it runs. */
    @GET
    @Path("/scans/{id}")
    public TemplateInstance scanProgress(@PathParam("id") long id) {
        DedupScan scan = scans.get(id);
        return Templates.review$scan(Kind.valueOf(scan.kind), scan);
    }

    /** Merging by hand: what in the database looks like this record, each with the merge screen a click away. */
    @GET
    @Path("/{kind: organizations|people}/{id}")
    public TemplateInstance lookalikes(@PathParam("kind") String kindPath, @PathParam("id") long id) {
        Kind kind = Kind.of(kindPath);
        List<Lookalike> found = new ArrayList<>();
        if (kind == Kind.PERSON) {
            Person person = people.get(id);
            if (person.mergedInto == null) {
                personMatcher.matches(person).forEach(m -> found.add(new Lookalike(side(m.person()), m.score(), m.reasons())));
            }
        } else {
            Organization organization = organizations.get(id);
            if (organization.mergedInto == null) {
                organizationMatcher.matches(organization).forEach(m ->
                        found.add(new Lookalike(side(m.organization()), m.score(), m.reasons())));
            }
        }
        return Templates.lookalikes(kind, anySide(kind, id), found);
    }

    @POST
    @Path("/{candidate}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("candidate") long candidate, @RestForm String q) {
        DedupCandidate c = queue.dismiss(candidate, currentUser.require().username());
        // back to the same view of the queue the reviewer was working through
        return Pages.redirectWithFlash(back(Kind.valueOf(c.kind), q), "party_reviewDismissed");
    }

    /** The merge screen: {@code survivor} keeps its id and gains the other's history. */
    @GET
    @Path("/merge")
    public TemplateInstance mergeScreen(@QueryParam("kind") String kindPath, @QueryParam("survivor") long survivorId,
                                        @QueryParam("duplicate") long duplicateId, @QueryParam("candidate") Long candidate) {
        return screen(Kind.of(kindPath), survivorId, duplicateId, candidate, Set.of(), Map.of());
    }

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(MultivaluedMap<String, String> form) {
        Kind kind = Kind.of(form.getFirst("kind"));
        long survivorId = id(form.getFirst("survivor"));
        long duplicateId = id(form.getFirst("duplicate"));
        String candidateValue = form.getFirst("candidate");
        Long candidate = candidateValue == null || candidateValue.isBlank() ? null : id(candidateValue);
        Set<String> take = new HashSet<>();
        for (String field : fields(kind)) {
            if ("duplicate".equals(form.getFirst("pick-" + field))) {
                take.add(field);
            }
        }
        String by = currentUser.require().username();
        try {
            MergeLog log = kind == Kind.PERSON ? personMerges.merge(survivorId, duplicateId, take, by)
                    : organizationMerges.merge(survivorId, duplicateId, take, by);
            return Pages.redirectWithFlash("/customers/" + kind.path + "/" + log.survivorId, "party_merged");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            Map<String, String> errors = new FormErrors(locale.get()).addAll(refused).map();
            return Response.status(refused.problem().status() == 409 ? 409 : 400)
                    .entity(screen(kind, survivorId, duplicateId, candidate, take, errors)).build();
        }
    }

    @POST
    @Path("/merges/{merge}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@PathParam("merge") long merge) {
        boolean person = personMerges.isPersonMerge(merge);
        String back = back(person ? Kind.PERSON : Kind.ORGANIZATION, null);
        try {
            String by = currentUser.require().username();
            if (person) {
                personMerges.undo(merge, by);
            } else {
                organizationMerges.undo(merge, by);
            }
            return Pages.redirectWithFlash(back, "party_mergeUndone");
        } catch (ProblemException refused) {
            if (refused.problem().status() != 409) {
                throw refused;
            }
            return Pages.redirectWithFlash(back, "party_mergeUndoRefused");
        }
    }

    private TemplateInstance screen(Kind kind, long survivorId, long duplicateId, Long candidate, Set<String> take,
                                    Map<String, String> errors) {
        Map<String, Object> kept;
        Map<String, Object> other;
        if (kind == Kind.PERSON) {
            kept = PersonMerge.values(people.get(survivorId));
            other = PersonMerge.values(people.get(duplicateId));
        } else {
            kept = OrganizationMerge.values(organizations.get(survivorId));
            other = OrganizationMerge.values(organizations.get(duplicateId));
        }
        List<FieldChoice> fields = new ArrayList<>();
        for (String field : fields(kind)) {
            Object a = kept.get(field);
            Object b = other.get(field);
            if (a == null && b == null) {
                continue;
            }
            // an empty field of the survivor is filled from the duplicate anyway
            fields.add(new FieldChoice(field, a, b, Objects.equals(a, b) || b == null || a == null,
                    take.contains(field)));
        }
        return Templates.merge(kind, anySide(kind, survivorId), anySide(kind, duplicateId), candidate, fields, errors);
    }

    private static List<String> fields(Kind kind) {
        return kind == Kind.PERSON ? PersonMerge.FIELDS : OrganizationMerge.FIELDS;
    }

    private static String back(Kind kind, String q) {
        StringBuilder to = new StringBuilder("/customers/review");
        if (kind == Kind.PERSON) {
            to.append("?kind=people");
        }
        if (q != null && !q.isBlank()) {
            to.append(kind == Kind.PERSON ? '&' : '?').append("q=")
                    .append(URLEncoder.encode(q.trim(), StandardCharsets.UTF_8));
        }
        return to.toString();
    }

    /** A live record, or null when it was merged away meanwhile (its pair is then moot). */
    private static Side side(Kind kind, long id) {
        if (kind == Kind.PERSON) {
            Person p = Person.findById(id);
            return p == null || p.mergedInto != null ? null : side(p);
        }
        Organization o = Organization.findById(id);
        return o == null || o.mergedInto != null ? null : side(o);
    }

    private Side anySide(Kind kind, long id) {
        return kind == Kind.PERSON ? side(people.get(id)) : side(organizations.get(id));
    }

    private static Side side(Organization o) {
        return new Side(o.id, o.name, join(o.nameLatin, o.city, o.country), "/customers/organizations/" + o.id);
    }

    private static Side side(Person p) {
        return new Side(p.id, p.displayName(), join(p.jobTitle, p.email, p.phone), "/customers/people/" + p.id);
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(" · ", present);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Record");
        }
    }
}
