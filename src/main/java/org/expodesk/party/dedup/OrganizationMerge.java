package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.UserService;
import org.expodesk.party.Employment;
import org.expodesk.party.Interaction;
import org.expodesk.party.Organization;
import org.expodesk.party.Participation;
import org.expodesk.party.category.OrganizationCategory;
import org.expodesk.party.Person;
import org.expodesk.party.Ticket;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merging a duplicate organization into the one that survives: per field the value chosen (the
 * survivor's unless told otherwise, its gaps filled from the duplicate), all history moved over
 * (people, employments, participations, contacts, tickets, exhibitor accounts), the duplicate
 * kept but pointing at the survivor, and a log from which the merge is undone.
 */
@ApplicationScoped
@Transactional
public class OrganizationMerge {

    /** The fields whose value may come from either record. */
    public static final List<String> FIELDS = List.of("name", "nameLatin", "shortName", "creditCode", "country", "province",
            "city", "address", "website", "domain", "phone", "email", "industry", "companySize", "mainBusiness", "tags",
            "notes", "ownerId", "creditStatus");

    public static final String KIND = "ORGANIZATION";

    @Inject
    MergeRecords records;

    @Inject
    UserService users;

    @Inject
    @Any
    Instance<MergedRecords> otherRecords;

    /** {@code takeFromDuplicate}: the fields whose value should be the duplicate's. */
    public MergeLog merge(long survivorId, long duplicateId, Set<String> takeFromDuplicate, String by) {
        if (survivorId == duplicateId) {
            throw ProblemException.invalid("duplicate", "party_mergeSelf");
        }
        MergeRecords.checkTake(FIELDS, takeFromDuplicate);
        // both rows, lower id first, so two merges of the same pair cannot deadlock
        lock(Math.min(survivorId, duplicateId));
        lock(Math.max(survivorId, duplicateId));
        Organization survivor = live(survivorId);
        Organization duplicate = Organization.findById(duplicateId);
        if (duplicate == null) {
            throw ProblemException.invalid("duplicate", "party_organizationUnknown");
        }
        if (duplicate.mergedInto != null) {
            throw ProblemException.conflict("party_mergedAway");
        }
        Map<String, Object> before = values(survivor);
        apply(survivor, MergeRecords.chosen(FIELDS, before, values(duplicate), takeFromDuplicate));

        Map<String, List<Long>> moved = new LinkedHashMap<>();
        moved.put("person", move(Person.<Person>list("organizationId", duplicateId).stream().map(p -> p.id).toList(),
                "update Person set organizationId = ?1 where id in ?2", survivorId));
        moved.put("employment", move(Employment.<Employment>list("organizationId", duplicateId).stream()
                .map(e -> e.id).toList(), "update Employment set organizationId = ?1 where id in ?2", survivorId));
        moved.put("participation", moveParticipations(survivorId, duplicateId));
        moved.put("interaction", move(Interaction.<Interaction>list("organizationId", duplicateId).stream()
                .map(i -> i.id).toList(), "update Interaction set organizationId = ?1 where id in ?2", survivorId));
        moved.put("ticket", move(Ticket.<Ticket>list("organizationId", duplicateId).stream().map(t -> t.id).toList(),
                "update Ticket set organizationId = ?1 where id in ?2", survivorId));
        moved.put("user", users.reassignOrganization(duplicateId, survivorId));
        moved.put("category", addCategories(survivorId, duplicateId));
        MovedRows.move(otherRecords, false, duplicateId, survivorId, moved);
        duplicate.mergedInto = survivorId;
        return records.log(KIND, survivorId, duplicateId, before, values(survivor), moved, by);
    }

    /** Puts both records back as they were before the merge, each with its own history. */
    public MergeLog undo(long mergeId, String by) {
        MergeLog log = MergeRecords.inForce(mergeId, KIND);
        lock(Math.min(log.survivorId, log.duplicateId));
        lock(Math.max(log.survivorId, log.duplicateId));
        MergeRecords.requireLatest(log, "party_mergeLaterFirst");
        Organization survivor = Organization.findById(log.survivorId);
        Organization duplicate = Organization.findById(log.duplicateId);
        apply(survivor, records.reverted(FIELDS, log, values(survivor)));
        Map<String, List<Long>> moved = records.moved(log);
        long back = duplicate.id;
        long from = survivor.id;
        // only rows still on the survivor go back: one moved elsewhere since stays where it is now
        moveBack(moved.get("person"), "update Person set organizationId = ?1 where id in ?2 and organizationId = ?3", back, from);
        moveBack(moved.get("employment"), "update Employment set organizationId = ?1 where id in ?2 and organizationId = ?3",
                back, from);
        moveBack(moved.get("participation"),
                "update Participation set organizationId = ?1 where id in ?2 and organizationId = ?3", back, from);
        moveBack(moved.get("interaction"),
                "update Interaction set organizationId = ?1 where id in ?2 and organizationId = ?3", back, from);
        moveBack(moved.get("ticket"), "update Ticket set organizationId = ?1 where id in ?2 and organizationId = ?3",
                back, from);
        users.assignOrganization(moved.get("user"), from, back);
        if (moved.get("category") != null && !moved.get("category").isEmpty()) {
            OrganizationCategory.delete("organizationId = ?1 and categoryId in ?2", from, moved.get("category"));
        }
        MovedRows.moveBack(otherRecords, false, moved, from, back);
        duplicate.mergedInto = null;
        records.undone(log, by);
        return log;
    }

    /** The survivor gets the product categories only the duplicate had; returns their ids, for an undo. */
    private static List<Long> addCategories(long survivorId, long duplicateId) {
        List<Long> added = new ArrayList<>();
        for (OrganizationCategory link : OrganizationCategory.<OrganizationCategory>list("organizationId", duplicateId)) {
            if (OrganizationCategory.count("organizationId = ?1 and categoryId = ?2", survivorId, link.categoryId) == 0) {
                OrganizationCategory copy = new OrganizationCategory();
                copy.organizationId = survivorId;
                copy.categoryId = link.categoryId;
                copy.persist();
                added.add(link.categoryId);
            }
        }
        return added;
    }

    /** A participation the survivor already has (same edition and role) stays with the duplicate. */
    private List<Long> moveParticipations(long survivorId, long duplicateId) {
        List<Long> ids = new ArrayList<>();
        for (Participation p : Participation.<Participation>list("organizationId", duplicateId)) {
            boolean clash = Participation.count("exhibitionId = ?1 and organizationId = ?2 and role = ?3"
                    + " and personId is not distinct from ?4", p.exhibitionId, survivorId, p.role, p.personId) > 0;
            if (!clash) {
                ids.add(p.id);
            }
        }
        return move(ids, "update Participation set organizationId = ?1 where id in ?2", survivorId);
    }

    private static List<Long> move(List<Long> ids, String update, long to) {
        if (ids != null && !ids.isEmpty()) {
            Organization.getEntityManager().createQuery(update).setParameter(1, to).setParameter(2, ids).executeUpdate();
        }
        return ids == null ? List.of() : ids;
    }

    private static void moveBack(List<Long> ids, String update, long to, long from) {
        if (ids != null && !ids.isEmpty()) {
            Organization.getEntityManager().createQuery(update).setParameter(1, to).setParameter(2, ids)
                    .setParameter(3, from).executeUpdate();
        }
    }

    private static Organization live(long id) {
        Organization o = Organization.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Organization");
        }
        if (o.mergedInto != null) {
            throw ProblemException.conflict("party_mergedAway");
        }
        return o;
    }

    private static void lock(long id) {
        Organization.getEntityManager().createNativeQuery("SELECT id FROM organization WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
    }

    /** The mergeable fields of a record, by name, in {@link #FIELDS} order. */
    public static Map<String, Object> values(Organization o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", o.name);
        v.put("nameLatin", o.nameLatin);
        v.put("shortName", o.shortName);
        v.put("creditCode", o.creditCode);
        v.put("country", o.country);
        v.put("province", o.province);
        v.put("city", o.city);
        v.put("address", o.address);
        v.put("website", o.website);
        v.put("domain", o.domain);
        v.put("phone", o.phone);
        v.put("email", o.email);
        v.put("industry", o.industry);
        v.put("companySize", o.companySize);
        v.put("mainBusiness", o.mainBusiness);
        v.put("tags", o.tags);
        v.put("notes", o.notes);
        v.put("ownerId", o.ownerId);
        v.put("creditStatus", o.creditStatus);
        return v;
    }

    private static void apply(Organization o, Map<String, Object> v) {
        o.name = (String) v.get("name");
        o.nameLatin = (String) v.get("nameLatin");
        o.shortName = (String) v.get("shortName");
        o.creditCode = (String) v.get("creditCode");
        o.country = (String) v.get("country");
        o.province = (String) v.get("province");
        o.city = (String) v.get("city");
        o.address = (String) v.get("address");
        o.website = (String) v.get("website");
        o.domain = (String) v.get("domain");
        o.phone = (String) v.get("phone");
        o.email = (String) v.get("email");
        o.industry = (String) v.get("industry");
        o.companySize = (String) v.get("companySize");
        o.mainBusiness = (String) v.get("mainBusiness");
        o.tags = (String) v.get("tags");
        o.notes = (String) v.get("notes");
        Object owner = v.get("ownerId");
        o.ownerId = owner == null ? null : ((Number) owner).longValue();
        o.creditStatus = (String) v.get("creditStatus");
        o.nameKey = org.expodesk.party.NameKeys.organization(o.name);
        o.phoneE164 = org.expodesk.party.Phones.e164(o.phone, o.country);
    }
}
