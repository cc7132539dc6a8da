package org.expodesk.party;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditEntry;
import org.expodesk.audit.AuditLog;
import org.expodesk.mail.Outbox;
import org.expodesk.party.dedup.MergeLog;
import org.expodesk.party.dedup.PersonMerge;
import org.expodesk.platform.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person may ask of us: everything we hold on them, and to be forgotten. Erasing keeps the
 * row (so counts of visitors, participations and tickets stay right) but nothing that names or
 * reaches the person. Both are recorded in the audit log.
 */
@ApplicationScoped
@Transactional
public class Privacy {

    /** A merge log's values of an erased person: an undo then brings back nothing that names them. */
    private static final String ERASED_VALUES = "{\"familyName\":\"Erased\",\"givenName\":null,\"jobTitle\":null,"
            + "\"email\":null,\"phone\":null,\"language\":null,\"tags\":null}";

    private static final String ERASED_KEY = "erased";

    @Inject
    People people;

    @Inject
    Event<PersonErased> erased;

    @Inject
    Contacts contacts;

    @Inject
    Consents consents;

    @Inject
    AuditLog audit;

    @Inject
    Outbox outbox;

    public Map<String, Object> export(long personId) {
        Person p = people.get(personId);
        PartyRef ref = new PartyRef(PartyRef.Kind.PERSON, personId);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("familyName", p.familyName);
        person.put("givenName", p.givenName);
        person.put("jobTitle", p.jobTitle);
        person.put("email", p.email);
        person.put("phone", p.phone);
        person.put("emails", people.emailsOf(p));
        person.put("phones", people.contacts(personId).stream().filter(c -> PersonContact.PHONE.equals(c.kind))
                .map(c -> c.value).toList());
        person.put("language", p.language);
        person.put("tags", p.tags);
        person.put("createdAt", p.createdAt);
        data.put("person", person);
        data.put("employments", people.employments(personId).stream()
                .map(e -> Map.of("organization", e.organizationId, "from", e.fromDay)).toList());
        data.put("participations", contacts.participationsOf(ref).stream()
                .map(x -> Map.of("exhibition", x.exhibitionId, "role", x.role.name())).toList());
        data.put("interactions", contacts.interactionsOf(ref).stream()
                .map(i -> Map.of("kind", i.kind.name(), "at", i.occurredAt, "summary", i.summary)).toList());
        data.put("tickets", Ticket.<Ticket>list("personId", personId).stream()
                .map(t -> Map.of("kind", t.kind.name(), "summary", t.summary, "status", t.status.name())).toList());
        data.put("consents", consents.history(personId).stream().map(c -> {
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("purpose", c.purpose.name());
            consent.put("granted", c.granted);
            consent.put("at", c.occurredAt);
            consent.put("channel", c.channel.name());
            consent.put("textVersion", c.textVersion);
            return consent;
        }).toList());
        data.put("recordHistory", AuditEntry.<AuditEntry>list("entityType = 'Person' and entityId = ?1 order by id",
                String.valueOf(personId)).stream().map(a -> Map.of("at", a.occurredAt, "action", a.action)).toList());
        audit.record(AuditAction.PRIVACY_EXPORT, "Person", String.valueOf(personId), null);
        return data;
    }

    public void erase(long personId, String reason) {
        Person p = people.get(personId);
        if (p.mergedInto != null) {
            // the person's data now lives on the survivor: erasing there erases this record too
            throw ProblemException.conflict("party_eraseSurvivor");
        }
        scrub(p);
        audit.record(AuditAction.PRIVACY_ERASE, "Person", String.valueOf(personId), reason);
    }

    /** Forgets one record, the duplicates merged into it (the same human), and what merge logs kept of them. */
    private void scrub(Person p) {
        long personId = p.id;
        outbox.forget(people.emailsOf(p));
        p.familyName = "Erased";
        p.givenName = null;
        p.jobTitle = null;
        p.email = null;
        p.phone = null;
        p.phoneE164 = null;
        p.tags = null;
        p.language = null;
        p.nameKey = ERASED_KEY + personId;
        for (Interaction i : Interaction.<Interaction>list("personId", personId)) {
            i.summary = "[erased]";
            i.outcome = null;
        }
        PersonContact.delete("personId", personId);
        // what was agreed and when stays, as proof; free text may name the person
        for (Consent c : Consent.<Consent>list("personId", personId)) {
            c.note = null;
        }
        for (Ticket t : Ticket.<Ticket>list("personId", personId)) {
            t.description = null;
            t.summary = "[erased]";
        }
        for (MergeLog log : MergeLog.<MergeLog>list("kind = ?1 and (survivorId = ?2 or duplicateId = ?2)",
                PersonMerge.KIND, personId)) {
            log.survivorBefore = ERASED_VALUES;
            log.survivorAfter = ERASED_VALUES;
        }
        Employment.update("jobTitle = null where personId = ?1", personId);
        for (Person duplicate : Person.<Person>list("mergedInto", personId)) {
            scrub(duplicate);
        }
        erased.fire(new PersonErased(personId));
    }

    /** True for a person whose data was erased: nothing of them may be found any more. */
    public static boolean isErased(Person p) {
        return p.id != null && (ERASED_KEY + p.id).equals(p.nameKey);
    }
}
