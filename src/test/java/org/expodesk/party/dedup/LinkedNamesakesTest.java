package org.expodesk.party.dedup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;
import org.expodesk.party.TestOrganizations;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The namesakes an import reads for a name key: only those who share an organization or a company
 * domain with the chunk, however they share it, live ones only, in name key and id order.
 */
@QuarkusTest
class LinkedNamesakesTest {

    @Inject
    PersonMatcher matcher;

    @Test
    void aNamesakeIsReadWhenLinkedByOrganizationCompanyDomainOwnOrFurtherEMailAndOnlyThen() {
        String u = String.valueOf(System.nanoTime() % 100_000_000);
        String home = "home" + u + ".example";
        String other = "other" + u + ".example";
        long homeOrg = organization(home);
        long otherOrg = organization(home);
        long strangersOrg = organization("strangers" + u + ".example");
        String family = "Namesake" + u;

        long sameOrganization = person(family, "Mia", homeOrg, null, null);
        long companyDomain = person(family, "Mia", otherOrg, null, null);
        long ownEMail = person(family, "Mia", null, "mia@" + other, null);
        long furtherEMail = person(family, "Mia", null, "mia@gmail.com", "Mia.N@" + other.toUpperCase());
        long furtherPhone = person(family, "Mia", null, null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            PersonContact phone = new PersonContact();
            phone.personId = furtherPhone;
            phone.kind = PersonContact.PHONE;
            // not an e-mail: its value is not an address, whatever it reads
            phone.value = "mia@" + other;
            phone.persist();
        });
        long stranger = person(family, "Mia", strangersOrg, "mia@strangers" + u + ".example", "mia@another" + u + ".example");
        long merged = person(family, "Mia", homeOrg, "mia.n@" + other, null);
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(merged).mergedInto = sameOrganization);
        long otherName = person("Other" + u, "Mia", homeOrg, "mia.o@" + other, null);

        List<String> keys = List.of(NameKeys.person(family, "Mia"));
        assertThat(linked(keys, List.of(homeOrg), List.of(home, other), Integer.MAX_VALUE))
                .containsExactly(sameOrganization, companyDomain, ownEMail, furtherEMail);
        assertThat(linked(keys, List.of(homeOrg), List.of(), Integer.MAX_VALUE)).containsExactly(sameOrganization);
        assertThat(linked(keys, List.of(), List.of(home), Integer.MAX_VALUE))
                .containsExactly(sameOrganization, companyDomain);
        assertThat(linked(keys, List.of(), List.of(other), Integer.MAX_VALUE)).containsExactly(ownEMail, furtherEMail);
        assertThat(linked(keys, List.of(homeOrg), List.of(home, other), 3))
                .containsExactly(sameOrganization, companyDomain, ownEMail);
        assertThat(linked(List.of("nobody" + u), List.of(homeOrg), List.of(home, other), Integer.MAX_VALUE)).isEmpty();

        // in name key order first: both names' linked people, each name's by id
        List<String> both = List.of(NameKeys.person(family, "Mia"), NameKeys.person("Other" + u, "Mia"));
        List<Long> expected = NameKeys.person(family, "Mia").compareTo(NameKeys.person("Other" + u, "Mia")) < 0
                ? List.of(sameOrganization, ownEMail, furtherEMail, otherName)
                : List.of(otherName, sameOrganization, ownEMail, furtherEMail);
        assertThat(linked(both, List.of(homeOrg), List.of(other), Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
        assertThat(List.of(stranger, merged, furtherPhone)).doesNotContainAnyElementsOf(
                linked(both, List.of(homeOrg, otherOrg), List.of(home, other), Integer.MAX_VALUE));
    }

    /**
     * What readLinked reads, both ways (from the links, as for a chunk; through the names, as for a single
     * record), checked against the same question asked as one filter over the name keys' people.
     */
    private List<Long> linked(List<String> keys, Collection<Long> organizations, Collection<String> domains, int limit) {
        List<Long> read = QuarkusTransaction.requiringNew().call(() -> matcher.blocks()
                .readLinkedFromLinks(keys, organizations, domains, limit).stream().map(PersonMatcher.Candidate::id)
                .toList());
        List<Long> byName = QuarkusTransaction.requiringNew().call(() -> matcher.blocks()
                .readLinkedByName(keys, organizations, domains, limit).stream().map(PersonMatcher.Candidate::id)
                .toList());
        assertThat(read).isEqualTo(filtered(keys, organizations, domains, limit));
        assertThat(byName).isEqualTo(read);
        return read;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> filtered(List<String> keys, Collection<Long> organizations, Collection<String> domains,
                                       int limit) {
        List<String> links = new ArrayList<>();
        if (!organizations.isEmpty()) {
            links.add("p.organization_id IN (:organizations)");
        }
        if (!domains.isEmpty()) {
            links.add("o.domain IN (:domains)");
            links.add("SUBSTRING_INDEX(p.email, '@', -1) IN (:domains)");
            links.add("EXISTS (SELECT 1 FROM person_contact c WHERE c.person_id = p.id AND c.kind = 'EMAIL'"
                    + " AND SUBSTRING_INDEX(c.value, '@', -1) IN (:domains))");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Person.getEntityManager().createNativeQuery("SELECT p.id FROM person p"
                    + " LEFT JOIN organization o ON o.id = p.organization_id WHERE p.name_key IN (:keys)"
                    + " AND p.merged_into IS NULL AND (" + String.join(" OR ", links) + ") ORDER BY p.name_key, p.id");
            q.setParameter("keys", keys);
            if (!organizations.isEmpty()) {
                q.setParameter("organizations", organizations);
            }
            if (!domains.isEmpty()) {
                q.setParameter("domains", domains);
            }
            q.setMaxResults(limit);
            return ((List<Number>) q.getResultList()).stream().map(Number::longValue).toList();
        });
    }

    private static long organization(String domain) {
        long id = TestOrganizations.create();
        QuarkusTransaction.requiringNew().run(() -> Organization.<Organization>findById(id).domain = domain);
        return id;
    }

    private static long person(String family, String given, Long organization, String email, String furtherEMail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Person p = new Person();
            p.familyName = family;
            p.givenName = given;
            p.nameKey = NameKeys.person(family, given);
            p.organizationId = organization;
            p.email = email;
            p.persist();
            if (furtherEMail != null) {
                PersonContact c = new PersonContact();
                c.personId = p.id;
                c.kind = PersonContact.EMAIL;
                c.value = furtherEMail;
                c.persist();
            }
            return p.id;
        });
    }
}
