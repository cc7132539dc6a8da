package org.expodesk.party.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.Organization;
import org.expodesk.party.Organizations;
import org.expodesk.party.ParticipationRole;
import org.expodesk.party.Person;
import org.expodesk.party.Verification;
import org.expodesk.party.category.ProductCategory;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Segments: saved filters over organizations or people, and their members. */
@ApplicationScoped
@Transactional
public class Segments {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    UserService users;

    @Inject
    Organizations organizations;

    @Inject
    ExhibitionService exhibitions;

    /** {@code version}: on a change, the version last read (required; stale → 409); ignored on create. */
    public record NewSegment(String name, String description, String kind, SegmentFilter filter, Long version) {

        public NewSegment(String name, String description, String kind, SegmentFilter filter) {
            this(name, description, kind, filter, null);
        }
    }

    /** A filter as checked: normalised, with category codes and the owner resolved to ids. */
    public record Checked(SegmentKind kind, SegmentFilter filter, Set<Long> categoryIds, Long ownerId) {
    }

    public record Members(List<Long> ids, long total) {
    }

    public Segment create(NewSegment r, long ownerId) {
        Segment s = new Segment();
        fill(s, r);
        s.ownerId = ownerId;
        s.persist();
        return s;
    }

    public Segment update(long id, NewSegment r) {
        Segment s = get(id);
        if (r.version() == null) {
            throw ProblemException.invalid("version", "field_required");
        }
        if (r.version() != s.version) {
            throw ProblemException.conflict("party_changedMeanwhile");
        }
        fill(s, r);
        return s;
    }

    public void delete(long id) {
        get(id).delete();
    }

    private void fill(Segment s, NewSegment r) {
        List<FieldError> errors = new ArrayList<>();
        String name = FieldChecks.text(r.name(), "name", 200, true, errors);
        String description = FieldChecks.text(r.description(), "description", 1000, false, errors);
        Checked checked = check(r.kind(), r.filter(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        s.name = name;
        s.description = description;
        s.kind = checked.kind();
        try {
            s.filter = json.writeValueAsString(checked.filter());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Segment get(long id) {
        Segment s = Segment.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Segment");
        }
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Segment> list() {
        return Segment.listAll(Sort.ascending("name"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SegmentFilter filterOf(Segment s) {
        try {
            return json.readValue(s.filter, SegmentFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Segment " + s.id + " holds an unreadable filter", e);
        }
    }

    /** A saved segment's filter, checked again: editions or categories may have gone meanwhile. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Checked checked(Segment s) {
        return checkOrThrow(s.kind.name(), filterOf(s));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Checked checkOrThrow(String kind, SegmentFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        Checked checked = check(kind, filter, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return checked;
    }

    /** One page of members, newest first, and how many there are in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Members members(Checked c, int page, int size) {
        SegmentQuery.Compiled q = SegmentQuery.compile(c.kind(), c.filter(), c.categoryIds(), c.ownerId());
        Query count = bind(em.createNativeQuery("SELECT COUNT(*) FROM " + q.from() + " WHERE " + q.where()), q);
        long total = ((Number) count.getSingleResult()).longValue();
        long offset = (long) page * size;
        return new Members(offset >= total ? List.of() : ids(q, null, (int) offset, size), total);
    }

    /** Up to {@code size} member ids below {@code below} (null: from the top), for going through all of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> idsBelow(Checked c, Long below, int size) {
        return ids(SegmentQuery.compile(c.kind(), c.filter(), c.categoryIds(), c.ownerId()), below, 0, size);
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(SegmentQuery.Compiled q, Long below, int offset, int size) {
        String where = q.where() + (below == null ? "" : " AND " + q.id() + " < ?" + (q.params().size() + 1));
        Query select = bind(em.createNativeQuery("SELECT " + q.id() + " FROM " + q.from() + " WHERE " + where
                + " ORDER BY " + q.id() + " DESC"), q);
        if (below != null) {
            select.setParameter(q.params().size() + 1, below);
        }
        List<Number> ids = select.setFirstResult(offset).setMaxResults(size).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static Query bind(Query query, SegmentQuery.Compiled q) {
        for (int i = 0; i < q.params().size(); i++) {
            query.setParameter(i + 1, q.params().get(i));
        }
        return query;
    }

    /** Organizations by id, in the order of the ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Organization> organizations(List<Long> ids) {
        return ordered(ids, Organization.<Organization>list("id in ?1", ids), o -> o.id);
    }

    /** People by id, in the order of the ids. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> people(List<Long> ids) {
        return ordered(ids, Person.<Person>list("id in ?1", ids), p -> p.id);
    }

    private static <T> List<T> ordered(List<Long> ids, List<T> found, Function<T, Long> id) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, T> byId = found.stream().collect(Collectors.toMap(id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Checked check(String kindName, SegmentFilter raw, List<FieldError> errors) {
        SegmentKind kind = null;
        try {
            kind = SegmentKind.valueOf(kindName == null ? "" : kindName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "party_segmentKindInvalid"));
        }
        SegmentFilter f = raw == null ? SegmentFilter.empty() : raw;
        List<String> countries = new ArrayList<>();
        for (String c : nonNull(f.countries())) {
            String country = c == null ? "" : c.trim().toUpperCase(Locale.ROOT);
            if (!COUNTRY.matcher(country).matches()) {
                errors.add(new FieldError("filter.countries", "party_countryInvalid"));
                break;
            }
            if (!countries.contains(country)) {
                countries.add(country);
            }
        }
        String province = FieldChecks.text(f.province(), "filter.province", 100, false, errors);
        String city = FieldChecks.text(f.city(), "filter.city", 100, false, errors);
        String industry = FieldChecks.text(f.industry(), "filter.industry", 100, false, errors);

        List<String> codes = nonNull(f.categories()).stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        Set<Long> categoryIds = new LinkedHashSet<>();
        if (!codes.isEmpty()) {
            List<ProductCategory> found = ProductCategory.list("code in ?1", codes);
            if (found.size() < codes.size()) {
                errors.add(new FieldError("filter.categories", "party_categoryUnknown"));
            }
            // a top-level category stands for its sub-categories too; retired ones still count
            found.forEach(c -> categoryIds.add(c.id));
            List<Long> parents = found.stream().filter(c -> c.parentId == null).map(c -> c.id).toList();
            if (!parents.isEmpty()) {
                ProductCategory.<ProductCategory>list("parentId in ?1", parents).forEach(c -> categoryIds.add(c.id));
            }
        }
        List<String> tagsAny = tags(f.tagsAny());
        List<String> tagsAll = tags(f.tagsAll());

        String verification = null;
        if (f.verification() != null && !f.verification().isBlank()) {
            try {
                verification = Verification.valueOf(f.verification().trim().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("filter.verification", "party_verificationInvalid"));
            }
        }
        String owner = null;
        Long ownerId = null;
        if (f.owner() != null && !f.owner().isBlank()) {
            owner = f.owner().trim();
            ownerId = users.findStaff(owner).map(u -> u.id).orElse(null);
            if (ownerId == null) {
                errors.add(new FieldError("filter.owner", "task_unknownStaff"));
            }
        }
        List<SegmentFilter.Clause> clauses = new ArrayList<>();
        for (SegmentFilter.Clause c : nonNull(f.participations())) {
            if (c == null || c.exhibition() == null || exhibitions.findById(c.exhibition()).isEmpty()) {
                errors.add(new FieldError("filter.participations", "party_exhibitionUnknown"));
                continue;
            }
            String role = null;
            if (c.role() != null && !c.role().isBlank()) {
                try {
                    role = ParticipationRole.valueOf(c.role().trim().toUpperCase(Locale.ROOT)).name();
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("filter.participations", "party_choiceInvalid"));
                    continue;
                }
            }
            clauses.add(new SegmentFilter.Clause(c.exhibition(), role, c.did()));
        }
        Long organization = null;
        String language = null;
        if (kind == SegmentKind.PEOPLE) {
            organization = f.organization();
            if (organization != null && !organizations.exists(organization)) {
                errors.add(new FieldError("filter.organization", "party_organizationUnknown"));
            }
            if (f.language() != null && !f.language().isBlank()) {
                language = f.language().trim();
                if (!LANGUAGE.matcher(language).matches()) {
                    errors.add(new FieldError("filter.language", "party_languageInvalid"));
                } else {
                    language = Locale.forLanguageTag(language).toLanguageTag();
                }
            }
        }
        String name = FieldChecks.text(f.name(), "filter.name", 200, false, errors);
        SegmentFilter checked = new SegmentFilter(countries, province, city, industry, codes, tagsAny, tagsAll,
                verification, owner, clauses, organization, language, name);
        return new Checked(kind, checked, categoryIds, ownerId);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<String> tags(List<String> tags) {
        return nonNull(tags).stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().sorted(Comparator.naturalOrder()).toList();
    }
}
