package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.NameKeys;
import org.expodesk.party.Organization;
import org.expodesk.party.Person;
import org.expodesk.party.PersonContact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the existing people a new one may be, and scores each (docs/dedup.md). Candidates come only
 * from blocks on strong keys: any e-mail address, any phone in E.164, the name key (also with the
 * names the other way round), and the people of the same organization.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonMatcher {

    private static final int BLOCK_LIMIT = 200;
    static final double NAME_WEIGHT = 0.75;
    /** A like name with the same phone is the same person from here on. */
    static final double PHONE_NAME = 0.85;

    @Inject
    DedupConfig config;

    public enum Verdict { SURE, LIKELY, NEW }

    public record Match(Person person, double score, List<String> reasons, Verdict verdict) {
    }

    /** For a person already stored (or an unsaved one): compared with its own e-mails and phones. */
    public List<Match> matches(Person incoming) {
        return matches(incoming, emails(incoming), phones(incoming));
    }

    /**
     * The best matches, best first; empty when nothing comes close. {@code emails}: every address of
     * the incoming person, lower case; {@code phones}: every phone in E.164.
     */
    public List<Match> matches(Person incoming, Collection<String> emails, Collection<String> phones) {
        if (erased(incoming)) {
            return List.of();
        }
        Set<String> e = new LinkedHashSet<>();
        emails.stream().filter(x -> x != null && !x.isBlank()).forEach(x -> e.add(x.trim().toLowerCase(Locale.ROOT)));
        Set<String> ph = new LinkedHashSet<>();
        phones.stream().filter(x -> x != null && !x.isBlank()).forEach(ph::add);
        Map<Long, Person> candidates = new LinkedHashMap<>();
        if (!e.isEmpty()) {
            block(candidates, "email in ?1", List.copyOf(e));
            block(candidates, "id in (select c.personId from PersonContact c where c.kind = 'EMAIL' and c.value in ?1)",
                    List.copyOf(e));
        }
        if (!ph.isEmpty()) {
            block(candidates, "phoneE164 in ?1", List.copyOf(ph));
            block(candidates, "id in (select c.personId from PersonContact c where c.kind = 'PHONE' and c.e164 in ?1)",
                    List.copyOf(ph));
        }
        List<String> keys = keys(incoming);
        if (!keys.isEmpty()) {
            block(candidates, "nameKey in ?1", keys);
        }
        if (incoming.organizationId != null) {
            block(candidates, "organizationId = ?1", incoming.organizationId);
        }
        candidates.remove(incoming.id);
        List<Match> matches = new ArrayList<>();
        for (Person existing : candidates.values()) {
            if (erased(existing)) {
                continue;
            }
            Match m = score(incoming, e, ph, existing, emails(existing), phones(existing));
            if (m.verdict() != Verdict.NEW) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches;
    }

    Match score(Person a, Set<String> emailsA, Set<String> phonesA, Person b, Set<String> emailsB, Set<String> phonesB) {
        List<String> reasons = new ArrayList<>();
        double score;
        if (intersects(emailsA, emailsB)) {
            reasons.add("same e-mail");
            score = 1.0;
        } else {
            double name = 0;
            for (String x : keys(a)) {
                for (String y : keys(b)) {
                    name = Math.max(name, Similarity.of(x, y));
                }
            }
            reasons.add(String.format(Locale.ROOT, "name %.2f", name));
            boolean samePhone = intersects(phonesA, phonesB);
            if (samePhone && name >= PHONE_NAME) {
                reasons.add("same phone");
                score = 0.97;
            } else {
                score = name * NAME_WEIGHT;
                if (samePhone) {
                    // a shared switchboard or a desk phone passed on: worth a look, not a verdict
                    score += 0.05;
                    reasons.add("same phone");
                }
                Set<String> domainsA = companyDomains(a, emailsA);
                Set<String> domainsB = companyDomains(b, emailsB);
                boolean sameOrganization = a.organizationId != null && a.organizationId.equals(b.organizationId);
                if (sameOrganization || intersects(domainsA, domainsB)) {
                    score += 0.15;
                    reasons.add(sameOrganization ? "same organization" : "same e-mail domain");
                }
                // two different addresses at one company are more often two colleagues than one person
                if (intersects(mailDomains(emailsA), mailDomains(emailsB))) {
                    score -= 0.08;
                    reasons.add("different e-mails at one domain");
                }
                score = Math.max(0, Math.min(config.sure() - 0.0001, score));
            }
        }
        Verdict verdict = score >= config.sure() ? Verdict.SURE : score >= config.likely() ? Verdict.LIKELY : Verdict.NEW;
        return new Match(b, score, reasons, verdict);
    }

    /** The name key, and for a two-part name the key the other way round (王小明 / 小明王, Smith Mary / Mary Smith). */
    static List<String> keys(Person p) {
        List<String> keys = new ArrayList<>();
        String key = NameKeys.person(p.familyName, p.givenName);
        if (!key.isEmpty()) {
            keys.add(key);
        }
        if (p.givenName != null && !p.givenName.isBlank()) {
            String reversed = NameKeys.person(p.givenName, p.familyName);
            if (!reversed.isEmpty() && !keys.contains(reversed)) {
                keys.add(reversed);
            }
        }
        return keys;
    }

    /** Erased people (party.Privacy) all have the same name and nothing else: they are nobody's duplicates. */
    private static boolean erased(Person p) {
        return p.id != null && ("erased" + p.id).equals(p.nameKey);
    }

    private static Set<String> emails(Person p) {
        Set<String> all = new LinkedHashSet<>();
        if (p.email != null) {
            all.add(p.email);
        }
        if (p.id != null) {
            PersonContact.<PersonContact>list("personId = ?1 and kind = 'EMAIL'", p.id).forEach(c -> all.add(c.value));
        }
        return all;
    }

    private static Set<String> phones(Person p) {
        Set<String> all = new LinkedHashSet<>();
        if (p.phoneE164 != null) {
            all.add(p.phoneE164);
        }
        if (p.id != null) {
            PersonContact.<PersonContact>list("personId = ?1 and kind = 'PHONE' and e164 is not null", p.id)
                    .forEach(c -> all.add(c.e164));
        }
        return all;
    }

    /** The domains of the person's own mail addresses that are not a mail provider's. */
    private static Set<String> mailDomains(Set<String> emails) {
        Set<String> domains = new HashSet<>();
        for (String email : emails) {
            String domain = email.substring(email.indexOf('@') + 1);
            if (!OrganizationMatcher.isFreeMail(domain)) {
                domains.add(domain);
            }
        }
        return domains;
    }

    /** The company domains of a person: of their own addresses, and of their organization. */
    private static Set<String> companyDomains(Person p, Set<String> emails) {
        Set<String> domains = mailDomains(emails);
        if (p.organizationId != null) {
            Organization o = Organization.findById(p.organizationId);
            if (o != null && o.domain != null && !OrganizationMatcher.isFreeMail(o.domain)) {
                domains.add(o.domain);
            }
        }
        return domains;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static void block(Map<Long, Person> into, String where, Object value) {
        for (Person p : Person.<Person>find(where + " and mergedInto is null", value).page(0, BLOCK_LIMIT).list()) {
            into.putIfAbsent(p.id, p);
        }
    }
}
