package org.expodesk.party.dedup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.Organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the existing organizations a new one may be, and scores each (docs/dedup.md):
 * candidates come only from blocks on strong keys (credit code, web domain, phone, the start of
 * the name key), so a lookup stays cheap however big the database; each is then scored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrganizationMatcher {

    /** Mail providers' domains say nothing about the company. */
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "msn.com", "yahoo.com", "aol.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
            "web.de", "t-online.de", "mail.ru", "yandex.ru", "naver.com", "qq.com", "163.com", "126.com", "yeah.net",
            "sina.com", "sina.cn", "sohu.com", "139.com", "189.cn", "21cn.com", "foxmail.com", "aliyun.com", "tom.com");
    private static final int BLOCK_LIMIT = 200;
    /** A name term held by more organizations than this (a city, an industry word) does not block. */
    private static final int COMMON_TERM = 2000;
    static final double NAME_WEIGHT = 0.9;

    @Inject
    DedupConfig config;

    @Inject
    org.expodesk.party.SearchIndex searchIndex;

    public enum Verdict { SURE, LIKELY, NEW }

    public record Match(Organization organization, double score, List<String> reasons, Verdict verdict) {
    }

    /** The best matches, best first; empty when nothing comes close. */
    public List<Match> matches(Organization incoming) {
        Map<Long, Organization> candidates = new LinkedHashMap<>();
        if (incoming.creditCode != null) {
            block(candidates, "creditCode = ?1", incoming.creditCode);
        }
        if (incoming.domain != null && !isFreeMail(incoming.domain)) {
            block(candidates, "domain = ?1", incoming.domain);
        }
        if (incoming.phoneE164 != null) {
            block(candidates, "phoneE164 = ?1", incoming.phoneE164);
        }
        if (incoming.nameKey != null && !incoming.nameKey.isEmpty()) {
            block(candidates, "nameKey = ?1", incoming.nameKey);
            // names sharing the most uncommon words and character pairs, in either script
            List<Long> alike = searchIndex.alikeOrganizations(incoming.name, incoming.nameLatin, COMMON_TERM, BLOCK_LIMIT);
            if (!alike.isEmpty()) {
                block(candidates, "id in ?1", alike);
            }
        }
        candidates.remove(incoming.id);
        List<Match> matches = new ArrayList<>();
        for (Organization existing : candidates.values()) {
            Match m = score(incoming, existing);
            if (m.verdict() != Verdict.NEW) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches;
    }

    Match score(Organization a, Organization b) {
        List<String> reasons = new ArrayList<>();
        double score;
        if (a.creditCode != null && a.creditCode.equals(b.creditCode)) {
            reasons.add("same credit code");
            score = 1.0;
        } else if (a.creditCode != null && b.creditCode != null) {
            // two different registration numbers: two companies, however alike their names
            reasons.add("different credit codes");
            score = 0;
        } else {
            // each record's names in both scripts against the other's: "Shenzhen Huaqiang" alone still meets 华强
            double name = 0;
            for (String x : keys(a)) {
                for (String y : keys(b)) {
                    name = Math.max(name, Similarity.of(x, y));
                }
            }
            reasons.add(String.format(java.util.Locale.ROOT, "name %.2f", name));
            // a name alone, however alike, is for a person to judge: sure needs corroboration
            score = name * NAME_WEIGHT;
            // only a website says whose domain it is; a mail address may be a provider's or a group's
            boolean sameSite = a.website != null && b.website != null && a.domain != null && a.domain.equals(b.domain)
                    && !isFreeMail(a.domain);
            if (sameSite) {
                score += 0.08;
                reasons.add("same website");
            }
            boolean samePhone = a.phoneE164 != null && a.phoneE164.equals(b.phoneE164);
            if (samePhone) {
                score += 0.05;
                reasons.add("same phone");
            }
            if (a.country != null && b.country != null && !a.country.equals(b.country)) {
                score -= 0.15;
                reasons.add("different country");
            } else if (a.city != null && b.city != null && org.expodesk.party.NameKeys.fold(a.city)
                    .equals(org.expodesk.party.NameKeys.fold(b.city))) {
                score += 0.04;
                reasons.add("same city");
            }
            score = Math.max(0, Math.min(0.99, score));
            // sure, without a shared credit code, only for the very same name and a key of its own
            boolean exactName = a.nameKey != null && a.nameKey.equals(b.nameKey);
            if (!(exactName && (sameSite || samePhone))) {
                score = Math.min(score, config.sure() - 0.0001);
            }
        }
        Verdict verdict = score >= config.sure() ? Verdict.SURE : score >= config.likely() ? Verdict.LIKELY : Verdict.NEW;
        return new Match(b, score, reasons, verdict);
    }

    private static List<String> keys(Organization o) {
        List<String> keys = new ArrayList<>();
        if (o.nameKey != null && !o.nameKey.isEmpty()) {
            keys.add(o.nameKey);
        }
        if (o.nameLatin != null) {
            String latin = org.expodesk.party.NameKeys.organization(o.nameLatin);
            if (!latin.isEmpty()) {
                keys.add(latin);
            }
        }
        return keys;
    }

    static boolean isFreeMail(String domain) {
        for (String provider : FREE_MAIL) {
            if (domain.equals(provider) || domain.endsWith("." + provider)) {
                return true;
            }
        }
        return false;
    }

    private static void block(Map<Long, Organization> into, String where, Object value) {
        for (Organization o : Organization.<Organization>find(where + " and mergedInto is null", value)
                .page(0, BLOCK_LIMIT).list()) {
            into.putIfAbsent(o.id, o);
        }
    }
}
