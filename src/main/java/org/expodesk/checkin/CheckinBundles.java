package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.badge.SigningKeys;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scanner needs to decide alone (docs/checkin.md, "Offline"): the edition's public keys,
 * revoked and superseded badge ids, gates, entry policies, days and time zone, and per valid
 * badge what the screen shows and the rules need beyond the code (its zones). Badges are rows
 * {@code [id, holder, organization, category, zones]} to keep the bundle small.
 */
@ApplicationScoped
public class CheckinBundles {

    public record Key(int keyNo, String publicKey, boolean active) {
    }

    public record GateRule(String name, GateKind kind, Set<String> zones, Set<String> categories) {
    }

    public record Bundle(String version, Instant generatedAt, long exhibitionId, String timezone, LocalDate opensOn,
                         LocalDate closesOn, List<Key> keys, List<Long> revoked, List<Long> superseded,
                         List<GateRule> gates, Map<String, EntryPolicy> policies, EntryPolicy defaultPolicy,
                         Set<String> categories, List<String> badgeFields, List<List<Object>> badges) {
    }

    private static final List<String> BADGE_FIELDS = List.of("id", "holder", "organization", "category", "zones");

    @Inject
    EntityManager em;

    @Inject
    Badges badges;

    @Inject
    Gates gates;

    @Inject
    EntryPolicies policies;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Clock clock;

    /** The bundle for a device serving {@code categories} (empty: all). */
    @Transactional
    public Bundle of(long exhibitionId, Set<String> categories) {
        Exhibition edition = exhibitions.get(exhibitionId);
        List<Key> keys = badges.publicKeys(exhibitionId).stream()
                .map(k -> new Key(k.keyNo(), Base64.getEncoder().encodeToString(k.publicKey()), k.active())).toList();
        List<GateRule> gateRules = gates.list(exhibitionId).stream()
                .map(g -> new GateRule(g.name, g.kind, g.zones, g.categories)).toList();
        String where = "where b.exhibitionId = :e and b.state = :s"
                + (categories.isEmpty() ? "" : " and b.categoryCode in :c");
        var query = em.createQuery("select b.id, b.holderName, b.organizationName, b.categoryCode, b.zones from Badge b "
                + where + " order by b.id", Object[].class)
                .setParameter("e", exhibitionId).setParameter("s", BadgeState.VALID);
        if (!categories.isEmpty()) {
            query.setParameter("c", categories);
        }
        List<List<Object>> rows = query.getResultList().stream()
                .map(r -> List.of(r[0], r[1], r[2] == null ? "" : r[2], r[3], r[4])).toList();
        List<Long> revoked = badges.revokedIds(exhibitionId);
        List<Long> superseded = badges.supersededIds(exhibitionId);
        Map<String, EntryPolicy> policyMap = policies.of(exhibitionId);
        String version = version(keys, revoked, superseded, gateRules, policyMap, rows, edition);
        return new Bundle(version, clock.instant(), exhibitionId, edition.timezone, edition.opensOn, edition.closesOn,
                keys, revoked, superseded, gateRules, policyMap, EntryPolicy.DEFAULT, categories, BADGE_FIELDS, rows);
    }

    /** Same content, same version: a device can tell a fresh bundle from the one it holds. */
    private static String version(Object... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                sha.update(String.valueOf(part instanceof Exhibition e ? e.timezone + e.opensOn + e.closesOn : part)
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
