package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.account.CurrentUser;
import org.expodesk.party.api.PartyViews.OrganizationView;
import org.expodesk.party.api.PartyViews.PersonView;
import org.expodesk.party.category.OrganizationCategories;
import org.expodesk.party.export.ExportResponses;
import org.expodesk.party.export.Exports;
import org.expodesk.party.segment.Segment;
import org.expodesk.party.segment.SegmentFilter;
import org.expodesk.party.segment.SegmentKind;
import org.expodesk.party.segment.Segments;
import org.expodesk.platform.Roles;
import org.expodesk.platform.problem.QueryParams;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Segments: saved filters over organizations or people, their members and exports. Staff only. */
@Path("/api/segments")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    public record SegmentView(long id, String name, String description, String kind, SegmentFilter filter, Long owner,
                              Instant createdAt, Instant updatedAt, long version) {
    }

    public record SegmentList(List<SegmentView> items, long total) {
    }

    /** Organizations ({@link OrganizationView}) or people ({@link PersonView}). */
    public record MemberList(List<Object> items, long total) {
    }

    public record Preview(String kind, SegmentFilter filter) {
    }

    @Inject
    Segments segments;

    @Inject
    Exports exports;

    @Inject
    OrganizationCategories categories;

    @Inject
    CurrentUser currentUser;

    @GET
    public SegmentList list() {
        List<SegmentView> items = segments.list().stream().map(this::view).toList();
        return new SegmentList(items, items.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull Segments.NewSegment request) {
        Segment s = segments.create(request, currentUser.require().userId());
        return Response.status(201).header("Location", "/api/segments/" + s.id).entity(view(s)).build();
    }

    @GET
    @Path("/{id}")
    public SegmentView get(@PathParam("id") long id) {
        return view(segments.get(id));
    }

    /** Replaces name, description, kind and filter. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SegmentView update(@PathParam("id") long id, @NotNull Segments.NewSegment request) {
        return view(segments.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        segments.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/members")
    public MemberList members(@PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return members(segments.checked(segments.get(id)), page, size);
    }

    /** The count and first page of an unsaved filter. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberList preview(@NotNull Preview preview, @QueryParam("size") String size) {
        return members(segments.checkOrThrow(preview.kind(), preview.filter()), null, size);
    }

    @GET
    @Path("/{id}/export.{format: csv|xlsx}")
    @Produces({"text/csv; charset=UTF-8", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response export(@PathParam("id") long id, @PathParam("format") String format) {
        Segment s = segments.get(id);
        return ExportResponses.download(exports.export(segments.checked(s), ExportResponses.format(format),
                "segment-" + s.id, "segment " + s.id + " (" + s.name + ")"));
    }

    private MemberList members(Segments.Checked checked, String page, String size) {
        Segments.Members members = segments.members(checked, QueryParams.integer(page, "page", 0, 0, Integer.MAX_VALUE),
                QueryParams.integer(size, "size", 50, 1, 200));
        List<Object> items;
        if (checked.kind() == SegmentKind.PEOPLE) {
            items = segments.people(members.ids()).stream().map(p -> (Object) PersonView.of(p, List.of())).toList();
        } else {
            var orgs = segments.organizations(members.ids());
            var codes = categories.codesOf(members.ids());
            items = orgs.stream().map(o -> (Object) OrganizationView.of(o, codes.getOrDefault(o.id, List.of()))).toList();
        }
        return new MemberList(items, members.total());
    }

    private SegmentView view(Segment s) {
        return new SegmentView(s.id, s.name, s.description, s.kind.name().toLowerCase(Locale.ROOT), segments.filterOf(s),
                s.ownerId, s.createdAt, s.updatedAt, s.version);
    }
}
