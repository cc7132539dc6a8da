package org.expodesk.party.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.expodesk.party.category.ProductCategories;
import org.expodesk.party.category.ProductCategory;
import org.expodesk.platform.Roles;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The product-category taxonomy: staff manage it, exhibitors read it. */
@Path("/api/product-categories")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ProductCategoryResource {

    public record CategoryView(long id, String code, String parent, String nameEn, String nameZh, int sortOrder,
                               boolean active, long version) {
    }

    public record CategoryList(List<CategoryView> items, long total) {
    }

    @Inject
    ProductCategories categories;

    /** The whole taxonomy, each category followed by its sub-categories. */
    @GET
    @RolesAllowed({Roles.STAFF, Roles.EXHIBITOR})
    public CategoryList list() {
        List<ProductCategory> all = categories.all();
        Map<Long, String> codes = all.stream().collect(Collectors.toMap(c -> c.id, c -> c.code));
        return new CategoryList(all.stream().map(c -> view(c, codes::get)).toList(), all.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull ProductCategories.NewCategory request) {
        ProductCategory c = categories.create(request);
        return Response.status(201).header("Location", "/api/product-categories/" + c.id)
                .entity(view(c, this::codeOf)).build();
    }

    /** Renames, re-sorts, retires or reactivates; {@code version} required, stale → 409. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CategoryView change(@PathParam("id") long id, @NotNull ProductCategories.Change change) {
        return view(categories.change(id, change), this::codeOf);
    }

    private String codeOf(Long id) {
        return categories.get(id).code;
    }

    private static CategoryView view(ProductCategory c, Function<Long, String> codeOf) {
        return new CategoryView(c.id, c.code, c.parentId == null ? null : codeOf.apply(c.parentId), c.nameEn, c.nameZh,
                c.sortOrder, c.active, c.version);
    }
}
