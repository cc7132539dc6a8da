package org.expodesk.badge;

import org.expodesk.platform.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Badges: one valid badge per person and edition, signed with the edition's active key
 * (docs/badges.md). The service other features call: registration and the exhibitor portal issue,
 * check-in verifies and asks for states and revocations. Every method joins the caller's
 * transaction.
 */
@ApplicationScoped
public class Badges {

    /**
     * What to print and sign. {@code categoryCode}: 1-16 of A-Z 0-9 _ - (it goes into the QR code);
     * {@code categoryColour}: {@code #RRGGBB}; {@code firstDay}/{@code lastDay}: both null for the
     * edition's opening to closing day; {@code zones}: codes of 1-32 of A-Z a-z 0-9 _ -, may be empty.
     */
    public record IssueRequest(long exhibitionId, long personId, String holderName, Long organizationId,
                               String organizationName, String categoryCode, String categoryLabel,
                               String categoryColour, LocalDate firstDay, LocalDate lastDay, List<String> zones) {
    }

    /** A reissue's changes: null keeps the old badge's value; {@code reason} is required. */
    public record Changes(String holderName, String organizationName, String categoryCode, String categoryLabel,
                          String categoryColour, LocalDate firstDay, LocalDate lastDay, List<String> zones,
                          String reason) {
        public static Changes lost(String reason) {
            return new Changes(null, null, null, null, null, null, null, null, reason);
        }
    }

    /**
     * An issued badge. {@code accessToken} (for {@link #publicPdfPath}) is known only when this call
     * made it: null when {@code existing}, as only its hash is kept ({@link #renewAccessToken}).
     */
    public record Issued(Badge badge, String accessToken, boolean existing) {
        public String publicPdfPath() {
            return accessToken == null ? null : Badges.publicPdfPath(accessToken);
        }
    }

    public record Filter(BadgeState state, String categoryCode, Long organizationId) {
        public static final Filter ALL = new Filter(null, null, null);
    }

    public record Listing(List<Badge> items, long total) {
    }

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    @Inject
    EntityManager em;

    @Inject
    SigningKeys keys;

    @Inject
    org.expodesk.audit.IdBlocks ids;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Clock clock;

    /**
     * The person's valid badge of the edition: made and signed now, or the one they already hold
     * (returned unchanged, whatever this request says; {@link #reissue} changes a badge). Two calls
     * for one person at the same moment: the database keeps one valid badge and the other call gets
     * a 409.
     */
    @Transactional
    public Issued issue(IssueRequest r) {
        return issue(r, false);
    }

    /**
     * {@link #issue(IssueRequest)} for a holder this transaction has just created ({@code holderIsNew}): they
     * hold no badge yet, so none is looked for (the unique key on valid holders still stands guard).
     */
    @Transactional
    public Issued issue(IssueRequest r, boolean holderIsNew) {
        return issue(r, holderIsNew, 0);
    }

    /**
     * A badge id for a later {@link #issue(IssueRequest, boolean, long)}, taken before the submit's transaction
     * (ADR 0026; a new block is reserved on a pool of its own since ADR 0029). Unused, it is a gap.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long reserveId() {
        return ids.next(Badge.class);
    }

    /** {@link #issue(IssueRequest, boolean)} with the id {@link #reserveId} gave ({@code 0}: one is taken now). */
    @Transactional
    public Issued issue(IssueRequest r, boolean holderIsNew, long reservedId) {
        // the edition is read for its dates only when the badge is for the whole show
        Exhibition edition = r.firstDay() == null && r.lastDay() == null ? exhibitions.get(r.exhibitionId()) : null;
        LocalDate first = edition != null ? edition.opensOn : r.firstDay();
        LocalDate last = edition != null ? edition.closesOn : r.lastDay();
        List<FieldError> errors = new ArrayList<>();
        String holder = text(r.holderName(), "holderName", 200, true, errors);
        String organization = text(r.organizationName(), "organizationName", 200, false, errors);
        String label = text(r.categoryLabel(), "categoryLabel", 100, true, errors);
        checkCategory(r.categoryCode(), r.categoryColour(), errors);
        checkDays(first, last, errors);
        String zones = zones(r.zones(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<Badge> held = holderIsNew ? Optional.empty() : validOf(r.exhibitionId(), r.personId());
        if (held.isPresent()) {
            return new Issued(held.get(), null, true);
        }
        Badge b = new Badge();
        b.exhibitionId = r.exhibitionId();
        b.personId = r.personId();
        b.holderName = holder;
        b.organizationId = r.organizationId();
        b.organizationName = organization;
        b.categoryCode = r.categoryCode();
        b.categoryLabel = label;
        b.categoryColour = r.categoryColour().toUpperCase(java.util.Locale.ROOT);
        b.firstDay = first;
        b.lastDay = last;
        b.zones = zones;
        String token = sign(b, reservedId, holderIsNew);
        return new Issued(b, token, false);
    }

    /**
     * Replaces a valid badge (name fix, lost badge): the old one becomes SUPERSEDED, a new one with
     * a new id and code is VALID. The old printed badge stops admitting.
     */
    @Transactional
    public Issued reissue(long badgeId, Changes c, String by) {
        Badge old = locked(badgeId);
        List<FieldError> errors = new ArrayList<>();
        String reason = text(c.reason(), "reason", 500, true, errors);
        String holder = c.holderName() == null ? old.holderName : text(c.holderName(), "holderName", 200, true, errors);
        String organization = c.organizationName() == null ? old.organizationName
                : text(c.organizationName(), "organizationName", 200, false, errors);
        String label = c.categoryLabel() == null ? old.categoryLabel
                : text(c.categoryLabel(), "categoryLabel", 100, true, errors);
        String category = c.categoryCode() == null ? old.categoryCode : c.categoryCode();
        String colour = c.categoryColour() == null ? old.categoryColour : c.categoryColour();
        checkCategory(category, colour, errors);
        LocalDate first = c.firstDay() == null ? old.firstDay : c.firstDay();
        LocalDate last = c.lastDay() == null ? old.lastDay : c.lastDay();
        checkDays(first, last, errors);
        String zones = c.zones() == null ? old.zones : zones(c.zones(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (old.state != BadgeState.VALID) {
            throw ProblemException.conflict("badge_notValid");
        }
        old.state = BadgeState.SUPERSEDED;
        old.stateChangedAt = clock.instant();
        old.stateChangedBy = by;
        old.stateReason = reason;
        em.flush();
        Badge b = new Badge();
        b.exhibitionId = old.exhibitionId;
        b.personId = old.personId;
        b.holderName = holder;
        b.organizationId = old.organizationId;
        b.organizationName = organization;
        b.categoryCode = category;
        b.categoryLabel = label;
        b.categoryColour = colour.toUpperCase(java.util.Locale.ROOT);
        b.firstDay = first;
        b.lastDay = last;
        b.zones = zones;
        String token = sign(b, 0, false);
        old.replacedBy = b.id;
        return new Issued(b, token, false);
    }

    /** Withdraws a valid badge; revoking a revoked badge changes nothing; a superseded one is a 409. */
    @Transactional
    public Badge revoke(long badgeId, String reason, String by) {
        Badge b = locked(badgeId);
        List<FieldError> errors = new ArrayList<>();
        String why = text(reason, "reason", 500, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (b.state == BadgeState.REVOKED) {
            return b;
        }
        if (b.state != BadgeState.VALID) {
            throw ProblemException.conflict("badge_notValid");
        }
        b.state = BadgeState.REVOKED;
        b.stateChangedAt = clock.instant();
        b.stateChangedBy = by;
        b.stateReason = why;
        return b;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Badge> find(long badgeId) {
        return Optional.ofNullable(em.find(Badge.class, badgeId));
    }

    /** The badge, else a 404 problem. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Badge get(long badgeId) {
        return find(badgeId).orElseThrow(() -> ProblemException.notFound("Badge"));
    }

    /** The badge's state, or empty when there is no such badge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BadgeState> state(long badgeId) {
        return em.createQuery("select state from Badge where id = :id", BadgeState.class)
                .setParameter("id", badgeId).getResultStream().findFirst();
    }

    /** The person's valid badge of the edition, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Badge> validOf(long exhibitionId, long personId) {
        return em.createQuery("from Badge where exhibitionId = :e and personId = :p and state = :s", Badge.class)
                .setParameter("e", exhibitionId).setParameter("p", personId).setParameter("s", BadgeState.VALID)
                .getResultStream().findFirst();
    }

    /** Signature, key of the edition named in the code, decoded fields; never throws. */
    public Verification verify(String code) {
        return BadgeCodes.verify(code, keys::publicKey);
    }

    /** As {@link #verify(String)}, and {@code WRONG_EDITION} for a genuine badge of another edition. */
    public Verification verify(String code, long exhibitionId) {
        Verification v = verify(code);
        if (v.valid() && v.payload().exhibitionId() != exhibitionId) {
            return Verification.refused(Verification.Result.WRONG_EDITION);
        }
        return v;
    }

    /** Every key of the edition that ever signed, active and retired (the offline bundle ships them). */
    public List<SigningKeys.PublicKeyInfo> publicKeys(long exhibitionId) {
        return keys.all(exhibitionId);
    }

    /** Ids of the edition's REVOKED badges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> revokedIds(long exhibitionId) {
        return idsIn(exhibitionId, BadgeState.REVOKED);
    }

    /** Ids of the edition's SUPERSEDED badges (replaced by a reissue). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> supersededIds(long exhibitionId) {
        return idsIn(exhibitionId, BadgeState.SUPERSEDED);
    }

    /** A page of the edition's badges, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing listOf(long exhibitionId, Filter f, int page, int size) {
        StringBuilder where = new StringBuilder("where b.exhibitionId = :e");
        if (f.state() != null) {
            where.append(" and b.state = :s");
        }
        if (f.categoryCode() != null) {
            where.append(" and b.categoryCode = :c");
        }
        if (f.organizationId() != null) {
            where.append(" and b.organizationId = :o");
        }
        var items = em.createQuery("select b from Badge b " + where + " order by b.id desc", Badge.class);
        var count = em.createQuery("select count(b) from Badge b " + where, Long.class);
        for (var q : List.of(items, count)) {
            q.setParameter("e", exhibitionId);
            if (f.state() != null) {
                q.setParameter("s", f.state());
            }
            if (f.categoryCode() != null) {
                q.setParameter("c", f.categoryCode());
            }
            if (f.organizationId() != null) {
                q.setParameter("o", f.organizationId());
            }
        }
        return new Listing(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
    }

    /** The badge of a public download token, if the token is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Badge> byAccessToken(String token) {
        if (!LinkTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return em.createQuery("from Badge where accessTokenHash = :h", Badge.class)
                .setParameter("h", LinkTokens.hash(token)).getResultStream().findFirst();
    }

    /**
     * The badge that stands for this one now: itself, or, when it was reissued (a name fixed, a badge
     * lost), the one that replaced it, hop by hop.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Badge current(Badge badge) {
        Badge b = badge;
        for (int hops = 0; b.state == BadgeState.SUPERSEDED && b.replacedBy != null && hops < 100; hops++) {
            b = get(b.replacedBy);
        }
        return b;
    }

    /** The holders (person ids) of these badges. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<Long> holdersOf(java.util.Collection<Long> badgeIds) {
        java.util.Set<Long> holders = new java.util.HashSet<>();
        List<Long> ids = List.copyOf(badgeIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            holders.addAll(em.createQuery("select b.personId from Badge b where b.id in :ids", Long.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList());
        }
        return holders;
    }

    /** A new public download token for the badge (the old link stops working); {@link #publicPdfPath} makes its link. */
    @Transactional
    public String renewAccessToken(long badgeId) {
        Badge b = get(badgeId);
        String token = LinkTokens.newToken();
        b.accessTokenHash = LinkTokens.hash(token);
        return token;
    }

    /** Where a holder without an account downloads the badge: relative to the public URL. */
    public static String publicPdfPath(String accessToken) {
        return "/badges/" + accessToken + ".pdf";
    }

    private List<Long> idsIn(long exhibitionId, BadgeState state) {
        return em.createQuery("select id from Badge where exhibitionId = :e and state = :s order by id", Long.class)
                .setParameter("e", exhibitionId).setParameter("s", state).getResultList();
    }

    /**
     * Signs a new VALID badge's code and persists it, code and all; returns the public download token. The insert is
     * flushed at once, so that a holder's second valid badge is told as a conflict here, unless the holder is new to
     * this very transaction ({@code holderIsNew}): no other transaction can give them a badge before it commits, so
     * no conflict can arise, and the insert waits in Hibernate's queue for the next insert or flush that writes it.
     */
    private String sign(Badge b, long reservedId, boolean holderIsNew) {
        SigningKeys.Active key = keys.active(b.exhibitionId);
        String token = LinkTokens.newToken();
        b.state = BadgeState.VALID;
        b.signingKeyId = key.rowId();
        b.accessTokenHash = LinkTokens.hash(token);
        // the id before the insert (IdBlocks), so that the code it signs is written with the row, not by an update
        b.id = reservedId > 0 ? reservedId : ids.next(Badge.class);
        b.code = BadgeCodes.encode(new BadgeCodes.Payload(b.exhibitionId, key.keyNo(), b.id, b.categoryCode,
                b.firstDay, b.lastDay), key.privateKey());
        b.persist();
        if (holderIsNew) {
            return token;
        }
        try {
            em.flush();
        } catch (ConstraintViolationException e) {
            String constraint = String.valueOf(e.getConstraintName()) + " " + e.getMessage();
            if (constraint.contains("uk_badge_valid_holder")) {
                throw ProblemException.conflict("badge_issuedConcurrently");
            }
            if (constraint.contains("fk_badge_person")) {
                throw ProblemException.invalid("personId", "badge_personUnknown");
            }
            throw e;
        }
        return token;
    }

    /** Row lock in plain SQL: Hibernate's MySQL dialect writes FOR UPDATE OF, which MariaDB does not know. */
    private Badge locked(long badgeId) {
        em.createNativeQuery("select id from badge where id = ?1 for update").setParameter(1, badgeId).getResultList();
        Badge b = em.find(Badge.class, badgeId);
        if (b == null) {
            throw ProblemException.notFound("Badge");
        }
        return b;
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "field_required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "field_tooLong"));
        }
        return v;
    }

    private static void checkCategory(String code, String colour, List<FieldError> errors) {
        if (!BadgeCodes.isValidCategory(code)) {
            errors.add(new FieldError("categoryCode", "badge_categoryInvalid"));
        }
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            errors.add(new FieldError("categoryColour", "badge_colourInvalid"));
        }
    }

    private static void checkDays(LocalDate first, LocalDate last, List<FieldError> errors) {
        if (first == null || last == null || last.isBefore(first) || first.toEpochDay() > 0xffff
                || first.getYear() < 1970 || last.toEpochDay() - first.toEpochDay() > 255) {
            errors.add(new FieldError("days", "badge_daysInvalid"));
        }
    }

    private static String zones(List<String> zones, List<FieldError> errors) {
        if (zones == null || zones.isEmpty()) {
            return "";
        }
        for (String z : zones) {
            if (z == null || !ZONE.matcher(z).matches()) {
                errors.add(new FieldError("zones", "badge_zoneInvalid"));
                return "";
            }
        }
        String joined = String.join(",", zones.stream().distinct().toList());
        if (joined.length() > 500) {
            errors.add(new FieldError("zones", "field_tooLong"));
        }
        return joined;
    }
}
