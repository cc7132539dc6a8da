package org.expodesk.party;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** People of the customer database, and the companies they work for over time. */
@ApplicationScoped
@Transactional
public class People {

    @Inject
    Clock clock;

    @Inject
    Organizations organizations;

    public record NewPerson(String familyName, String givenName, Boolean easternOrder, String jobTitle, String email,
                            String phone, Long organization, String language, String tags) {
    }

    public Person create(NewPerson r) {
        List<FieldError> errors = new ArrayList<>();
        Person p = new Person();
        p.familyName = FieldChecks.text(r.familyName(), "familyName", 100, true, errors);
        p.givenName = FieldChecks.text(r.givenName(), "givenName", 100, false, errors);
        p.easternOrder = r.easternOrder() != null ? r.easternOrder() : looksEastern(r.familyName());
        p.jobTitle = FieldChecks.text(r.jobTitle(), "jobTitle", 200, false, errors);
        p.email = Organizations.email(r.email(), "email", errors);
        p.phone = FieldChecks.text(r.phone(), "phone", 50, false, errors);
        if (r.organization() != null && !organizations.exists(r.organization())) {
            errors.add(new FieldError("organization", "party_organizationUnknown"));
        }
        p.organizationId = r.organization();
        if (r.language() != null && !r.language().isBlank()) {
            p.language = java.util.Locale.forLanguageTag(r.language().trim()).toLanguageTag();
        }
        p.tags = Organizations.tags(r.tags());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        p.nameKey = NameKeys.person(p.familyName, p.givenName);
        p.persist();
        if (p.organizationId != null) {
            startEmployment(p, p.organizationId, p.jobTitle);
        }
        return p;
    }

    /** The person now works for another company (or none); the old employment ends today. */
    public Person changeOrganization(long personId, Long organizationId, String jobTitle) {
        Person p = get(personId);
        if (organizationId != null && !organizations.exists(organizationId)) {
            throw ProblemException.invalid("organization", "party_organizationUnknown");
        }
        LocalDate today = LocalDate.now(clock);
        Employment.update("untilDay = ?1 where personId = ?2 and untilDay is null", today, personId);
        p.organizationId = organizationId;
        if (jobTitle != null && !jobTitle.isBlank()) {
            p.jobTitle = jobTitle.trim();
        }
        if (organizationId != null) {
            startEmployment(p, organizationId, p.jobTitle);
        }
        return p;
    }

    private void startEmployment(Person p, long organizationId, String jobTitle) {
        Employment e = new Employment();
        e.personId = p.id;
        e.organizationId = organizationId;
        e.jobTitle = jobTitle;
        e.fromDay = LocalDate.now(clock);
        e.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Person get(long id) {
        Person p = Person.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Person");
        }
        return p;
    }

    public record Listing(List<Person> items, long total) {
    }

    /** People by name (any part) and company, by name; both filters optional. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(String name, Long organizationId, int page, int size) {
        List<String> where = new ArrayList<>();
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        // every word typed, in any order: the key is family name then given name
        int n = 0;
        for (String word : name == null ? new String[0] : name.trim().split("\\s+")) {
            String key = NameKeys.fold(word);
            if (!key.isEmpty()) {
                where.add("nameKey like :name" + n);
                params.and("name" + n++, "%" + key + "%");
            }
        }
        if (organizationId != null) {
            where.add("organizationId = :organization");
            params.and("organization", organizationId);
        }
        var query = Person.<Person>find(where.isEmpty() ? "1 = 1" : String.join(" and ", where),
                Sort.ascending("familyName", "givenName", "id"), params.map());
        return new Listing(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Person> of(long organizationId) {
        return Person.list("organizationId", Sort.ascending("familyName", "givenName"), organizationId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Employment> employments(long personId) {
        return Employment.list("personId", Sort.descending("fromDay", "id"), personId);
    }

    /** A name starting with a Han, Hangul or kana character is written family name first. */
    static boolean looksEastern(String familyName) {
        if (familyName == null || familyName.isBlank()) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(familyName.trim().codePointAt(0));
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

}
