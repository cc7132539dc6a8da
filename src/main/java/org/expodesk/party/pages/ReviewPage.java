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
import org.expodesk.party.dedup.DedupCandidate;
import org.expodesk.party.dedup.MergeLog;
import org.expodesk.party.dedup.OrganizationMatcher;
import org.expodesk.party.dedup.OrganizationMerge;
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
 * The review queue of likely duplicate organizations, the merge screen (one value per field,
 * from either record) and the recent merges with their undo.
 */
@Path("/customers/review")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    static final int SHOWN = 100;

    /** One row of the merge screen: a field, both values, and which one is kept. */
    public record FieldChoice(String field, Object kept, Object other, boolean same, boolean takeOther) {
    }

    public record Pair(DedupCandidate candidate, Organization record, Organization existing) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(List<Pair> pairs, String q, String qParam, int page, int pages, List<MergeLog> merges,
                                              Map<Long, String> names);

        static native TemplateInstance merge(Organization survivor, Organization duplicate, Long candidate,
                                             List<FieldChoice> fields, Map<String, String> errors);

        static native TemplateInstance lookalikes(Organization organization, List<OrganizationMatcher.Match> matches);
    }

    @Inject
    ReviewQueue queue;

    @Inject
    Organizations organizations;

    @Inject
    OrganizationMerge merges;

    @Inject
    OrganizationMatcher matcher;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        int p = page == null || page < 0 ? 0 : page;
        String key = q == null ? "" : NameKeys.organization(q);
        // pairs whose either side has the typed name in its key; the whole queue otherwise
        String where = "status = ?1 and kind = 'ORGANIZATION'" + (key.isEmpty() ? "" : " and (recordId in"
                + " (select o.id from Organization o where o.nameKey like ?2) or candidateId in"
                + " (select o.id from Organization o where o.nameKey like ?2))");
        Object[] params = key.isEmpty() ? new Object[] {DedupCandidate.OPEN}
                : new Object[] {DedupCandidate.OPEN, "%" + key + "%"};
        var query = DedupCandidate.<DedupCandidate>find(where + " order by score desc, id", params);
        long total = query.count();
        List<Pair> pairs = new ArrayList<>();
        for (DedupCandidate c : query.page(p, SHOWN).list()) {
            Organization record = Organization.findById(c.recordId);
            Organization existing = Organization.findById(c.candidateId);
            if (record != null && existing != null && record.mergedInto == null && existing.mergedInto == null) {
                pairs.add(new Pair(c, record, existing));
            }
        }
        List<MergeLog> recent = MergeLog.find("kind = 'ORGANIZATION' order by id desc").page(0, 20).list();
        Map<Long, String> names = new HashMap<>();
        for (MergeLog m : recent) {
            for (Long id : List.of(m.survivorId, m.duplicateId)) {
                names.computeIfAbsent(id, k -> {
                    Organization o = Organization.findById(k);
                    return o == null ? "#" + k : o.name;
                });
            }
        }
        return Templates.review(pairs, q == null ? "" : q, URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8), p, (int) ((total + SHOWN - 1) / SHOWN), recent, names);
    }

    /** Merging by hand: what in the database looks like this organization, each with the merge screen a click away. */
    @GET
    @Path("/organizations/{id}")
    public TemplateInstance lookalikes(@PathParam("id") long id) {
        Organization organization = organizations.get(id);
        return Templates.lookalikes(organization, organization.mergedInto == null ? matcher.matches(organization) : List.of());
    }

    @POST
    @Path("/{candidate}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("candidate") long candidate, @RestForm String q) {
        queue.dismiss(candidate, currentUser.require().username());
        // back to the same view of the queue the reviewer was working through
        String back = q == null || q.isBlank() ? "/customers/review"
                : "/customers/review?q=" + URLEncoder.encode(q.trim(), StandardCharsets.UTF_8);
        return Pages.redirectWithFlash(back, "party_reviewDismissed");
    }

    /** The merge screen for two organizations: {@code survivor} keeps its id and gains the other's history. */
    @GET
    @Path("/merge")
    public TemplateInstance mergeScreen(@QueryParam("survivor") long survivorId, @QueryParam("duplicate") long duplicateId,
                                        @QueryParam("candidate") Long candidate) {
        return screen(survivorId, duplicateId, candidate, Set.of(), Map.of());
    }

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(MultivaluedMap<String, String> form) {
        long survivorId = id(form.getFirst("survivor"));
        long duplicateId = id(form.getFirst("duplicate"));
        Long candidate = form.getFirst("candidate") == null || form.getFirst("candidate").isBlank() ? null
                : id(form.getFirst("candidate"));
        Set<String> take = new HashSet<>();
        for (String field : OrganizationMerge.FIELDS) {
            if ("duplicate".equals(form.getFirst("pick-" + field))) {
                take.add(field);
            }
        }
        try {
            MergeLog log = merges.merge(survivorId, duplicateId, take, currentUser.require().username());
            return Pages.redirectWithFlash("/customers/organizations/" + log.survivorId, "party_merged");
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            Map<String, String> errors = new FormErrors(locale.get()).addAll(refused).map();
            return Response.status(refused.problem().status() == 409 ? 409 : 400)
                    .entity(screen(survivorId, duplicateId, candidate, take, errors)).build();
        }
    }

    @POST
    @Path("/merges/{merge}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@PathParam("merge") long merge) {
        try {
            merges.undo(merge, currentUser.require().username());
            return Pages.redirectWithFlash("/customers/review", "party_mergeUndone");
        } catch (ProblemException refused) {
            if (refused.problem().status() != 409) {
                throw refused;
            }
            return Pages.redirectWithFlash("/customers/review", "party_mergeUndoRefused");
        }
    }

    private TemplateInstance screen(long survivorId, long duplicateId, Long candidate, Set<String> take,
                                    Map<String, String> errors) {
        Organization survivor = organizations.get(survivorId);
        Organization duplicate = organizations.get(duplicateId);
        Map<String, Object> kept = OrganizationMerge.values(survivor);
        Map<String, Object> other = OrganizationMerge.values(duplicate);
        List<FieldChoice> fields = new ArrayList<>();
        for (String field : OrganizationMerge.FIELDS) {
            Object a = kept.get(field);
            Object b = other.get(field);
            if (a == null && b == null) {
                continue;
            }
            // an empty field of the survivor is filled from the duplicate anyway
            fields.add(new FieldChoice(field, a, b, Objects.equals(a, b) || b == null || a == null,
                    take.contains(field)));
        }
        return Templates.merge(survivor, duplicate, candidate, fields, errors);
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Organization");
        }
    }
}
