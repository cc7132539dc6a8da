package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Participation;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.party.Phones;
import org.expodesk.party.Privacy;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merging a duplicate person into the one that survives, the way {@link OrganizationMerge} does it
 * for organizations: per field the value chosen, all history moved over (employments,
 * participations, contacts, tickets, consents, further e-mails and phones), the duplicate's own
 * e-mail and phone kept on the survivor as further ones, the duplicate pointing at the survivor,
 * and a log from which the merge is undone. Other features' records of the person (badges,
 * registrations, ...) move through their {@link MergedRecords} beans. No user account points at a
 * person, so none moves.
 */
@ApplicationScoped
@Transactional
public class PersonMerge {

    public static final String KIND = "PERSON";

    /** The fields whose value may come from either record. */
    public static final List<String> FIELDS = List.of("familyName", "givenName", "easternOrder", "jobTitle", "email", "phone",
            "organizationId", "language", "tags");

    /** The tables whose {@code person_id} moves, by the entity name used in the log. */
    private static final List<String> MOVED = List.of("Employment", "Interaction", "Ticket", "Consent", "PersonContact");

    @Inject
    MergeRecords records;

    @Inject
    @Any
    Instance<MergedRecords> otherRecords;

    /** {@code takeFromDuplicate}: the fields whose value should be the duplicate's. */
    public MergeLog merge(long survivorId, long duplicateId, Set<String> takeFromDuplicate, String by) {
        if (survivorId == duplicateId) {
            throw ProblemException.invalid("duplicate", "party_mergeSelfPerson");
        }
        MergeRecords.checkTake(FIELDS, takeFromDuplicate);
        // both rows, lower id first, so two merges of the same pair cannot deadlock
        lock(Math.min(survivorId, duplicateId));
        lock(Math.max(survivorId, duplicateId));
        Person survivor = Person.findById(survivorId);
        if (survivor == null) {
            throw ProblemException.notFound("Person");
        }
        if (survivor.mergedInto != null) {
            throw ProblemException.conflict("party_mergedAway");
        }
        Person duplicate = Person.findById(duplicateId);
        if (duplicate == null) {
            throw ProblemException.invalid("duplicate", "party_personUnknown");
        }
        if (duplicate.mergedInto != null) {
            throw ProblemException.conflict("party_mergedAway");
        }
        if (Privacy.isErased(survivor) || Privacy.isErased(duplicate)) {
            // an erased record takes nothing new, and gives nothing back
            throw ProblemException.conflict("party_mergeErased");
        }
        Map<String, Object> before = values(survivor);
        apply(survivor, MergeRecords.chosen(FIELDS, before, values(duplicate), takeFromDuplicate));

        Map<String, List<Long>> moved = new LinkedHashMap<>();
        for (String entity : MOVED) {
            List<Long> ids = Person.getEntityManager()
                    .createQuery("select x.id from " + entity + " x where x.personId = ?1", Long.class)
                    .setParameter(1, duplicateId).getResultList();
            moved.put(entity, move(entity, ids, survivorId));
        }
        moved.put("Participation", moveParticipations(survivorId, duplicateId));
        moved.put("added", keepContacts(survivor, duplicate));
        MovedRows.move(otherRecords, true, duplicateId, survivorId, moved);
        duplicate.mergedInto = survivorId;
        return records.log(KIND, survivorId, duplicateId, before, values(survivor), moved, by);
    }

    /** True when the merge log is one of people. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPersonMerge(long mergeId) {
        MergeLog log = MergeLog.findById(mergeId);
        return log != null && KIND.equals(log.kind);
    }

    /** Puts both people back as they were before the merge, each with their own history. */
    public MergeLog undo(long mergeId, String by) {
        MergeLog log = MergeRecords.inForce(mergeId, KIND);
        lock(Math.min(log.survivorId, log.duplicateId));
        lock(Math.max(log.survivorId, log.duplicateId));
        MergeRecords.requireLatest(log, "party_mergeLaterFirst");
        Person survivor = Person.findById(log.survivorId);
        Person duplicate = Person.findById(log.duplicateId);
        apply(survivor, records.reverted(FIELDS, log, values(survivor)));
        Map<String, List<Long>> moved = records.moved(log);
        List<Long> added = moved.getOrDefault("added", List.of());
        if (!added.isEmpty()) {
            PersonContact.delete("id in ?1 and personId = ?2", added, survivor.id);
        }
        // only rows still on the survivor go back: one moved elsewhere since stays where it is now
        for (String entity : MOVED) {
            moveBack(entity, moved.get(entity), duplicate.id, survivor.id);
        }
        moveBack("Participation", moved.get("Participation"), duplicate.id, survivor.id);
        MovedRows.moveBack(otherRecords, true, moved, survivor.id, duplicate.id);
        duplicate.mergedInto = null;
        records.undone(log, by);
        return log;
    }

    /** A participation the survivor already has (same edition, role and organization) stays with the duplicate. */
    private List<Long> moveParticipations(long survivorId, long duplicateId) {
        List<Long> ids = new ArrayList<>();
        for (Participation p : Participation.<Participation>list("personId", duplicateId)) {
            boolean clash = Participation.count("exhibitionId = ?1 and personId = ?2 and role = ?3"
                    + " and organizationId is not distinct from ?4", p.exhibitionId, survivorId, p.role, p.organizationId) > 0;
            if (!clash) {
                ids.add(p.id);
            }
        }
        return move("Participation", ids, survivorId);
    }

    /** The duplicate's own e-mail and phone, unless the survivor has them, become further ones of the survivor. */
    private static List<Long> keepContacts(Person survivor, Person duplicate) {
        List<Long> added = new ArrayList<>();
        if (duplicate.email != null && !duplicate.email.equals(survivor.email)
                && PersonContact.count("personId = ?1 and kind = 'EMAIL' and value = ?2", survivor.id, duplicate.email) == 0) {
            added.add(contact(survivor.id, PersonContact.EMAIL, duplicate.email, null));
        }
        if (duplicate.phoneE164 != null && !duplicate.phoneE164.equals(survivor.phoneE164)
                && PersonContact.count("personId = ?1 and kind = 'PHONE' and e164 = ?2", survivor.id, duplicate.phoneE164) == 0) {
            added.add(contact(survivor.id, PersonContact.PHONE, duplicate.phone, duplicate.phoneE164));
        }
        return added;
    }

    private static long contact(long personId, String kind, String value, String e164) {
        PersonContact c = new PersonContact();
        c.personId = personId;
        c.kind = kind;
        c.value = value;
        c.e164 = e164;
        c.persist();
        return c.id;
    }

    private static List<Long> move(String entity, List<Long> ids, long to) {
        if (ids != null && !ids.isEmpty()) {
            Person.getEntityManager().createQuery("update " + entity + " set personId = ?1 where id in ?2")
                    .setParameter(1, to).setParameter(2, ids).executeUpdate();
        }
        return ids == null ? List.of() : ids;
    }

    private static void moveBack(String entity, List<Long> ids, long to, long from) {
        if (ids != null && !ids.isEmpty()) {
            Person.getEntityManager().createQuery("update " + entity + " set personId = ?1 where id in ?2 and personId = ?3")
                    .setParameter(1, to).setParameter(2, ids).setParameter(3, from).executeUpdate();
        }
    }

    private static void lock(long id) {
        Person.getEntityManager().createNativeQuery("SELECT id FROM person WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
    }

    /** The mergeable fields of a person, by name, in {@link #FIELDS} order. */
    public static Map<String, Object> values(Person p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("familyName", p.familyName);
        v.put("givenName", p.givenName);
        v.put("easternOrder", p.easternOrder);
        v.put("jobTitle", p.jobTitle);
        v.put("email", p.email);
        v.put("phone", p.phone);
        v.put("organizationId", p.organizationId);
        v.put("language", p.language);
        v.put("tags", p.tags);
        return v;
    }

    private static void apply(Person p, Map<String, Object> v) {
        p.familyName = (String) v.get("familyName");
        p.givenName = (String) v.get("givenName");
        p.easternOrder = Boolean.TRUE.equals(v.get("easternOrder"));
        p.jobTitle = (String) v.get("jobTitle");
        p.email = (String) v.get("email");
        p.phone = (String) v.get("phone");
        Object organization = v.get("organizationId");
        p.organizationId = organization == null ? null : ((Number) organization).longValue();
        p.language = (String) v.get("language");
        p.tags = (String) v.get("tags");
        // an erased person stays erased whatever an undo puts back (their key is the erasure's mark)
        p.nameKey = Privacy.isErased(p) ? p.nameKey : NameKeys.person(p.familyName, p.givenName);
        Organization o = p.organizationId == null ? null : Organization.findById(p.organizationId);
        p.phoneE164 = Phones.e164(p.phone, o == null ? null : o.country);
    }
}
