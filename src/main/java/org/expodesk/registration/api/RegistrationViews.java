package org.expodesk.registration.api;

import org.expodesk.registration.Invitation;
import org.expodesk.registration.RegistrantDedupQueue;
import org.expodesk.registration.Registration;
import org.expodesk.registration.RegistrationCategory;
import org.expodesk.registration.RegistrationQuestion;
import org.expodesk.registration.RegistrationSettings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of registration, shared by its resources. */
public final class RegistrationViews {

    private RegistrationViews() {
    }

    /** The registration's badge; null while a buyer awaits verification. */
    public record BadgeRef(Long id) {

        public static BadgeRef of(Long badgeId) {
            return badgeId == null ? null : new BadgeRef(badgeId);
        }
    }

    public record PublicRegistrationView(Long id, String status, String category, List<String> days, BadgeRef badge) {
    }

    /**
     * {@code organizationName}: the company as typed; {@code organizationId}: the record deduplication found or
     * made for it, null until then. {@code dedup}: while the registrant is not deduplicated yet, else null;
     * {@code dedupFinding}: what deduplication found at this edition ({@code EARLIER_REGISTRATION},
     * {@code EARLIER_BADGE}) or null.
     */
    public record RegistrationView(long id, long exhibitionId, String category, String status, long personId,
                                   Long organizationId, String organizationName, String email, String country,
                                   List<String> days, String language, Map<String, Object> answers, Long invitationId,
                                   Instant registeredAt, Instant decidedAt, String decidedBy, String decisionReason,
                                   BadgeRef badge, DedupView dedup, String dedupFinding) {
    }

    /** {@code state}: {@code PENDING} (queued or retried later) or {@code FAILED} (waits for staff to retry). */
    public record DedupView(String state, int attempts, String error) {

        static DedupView of(RegistrantDedupQueue.Pending p) {
            return p == null ? null : new DedupView(p.failed() ? "FAILED" : "PENDING", p.attempts(), p.error());
        }
    }

    public record OptionView(String value, String labelEn, String labelZh) {
    }

    public record QuestionView(long id, long categoryId, String code, String kind, String labelEn, String labelZh,
                               List<OptionView> options, boolean required, String shownIfCode, String shownIfAnswer,
                               int sortOrder, long version) {

        static QuestionView of(RegistrationQuestion q) {
            return new QuestionView(q.id, q.categoryId, q.code, q.kind.name(), q.labelEn, q.labelZh,
                    q.optionList().stream().map(o -> new OptionView(o.value(), o.labelEn(), o.labelZh())).toList(),
                    q.required, q.shownIfCode, q.shownIfAnswer, q.sortOrder, q.version);
        }
    }

    public record CategoryView(long id, String code, String labelEn, String labelZh, String colour,
                               boolean verificationRequired, boolean invitationRequired, Integer capacity,
                               Integer capacityPerDay, List<String> validDays, boolean daysSelectable, int sortOrder,
                               boolean enabled, int taken, long version, List<QuestionView> questions) {
    }

    public record SetupView(long exhibitionId, Instant opensAt, Instant closesAt, List<String> allowedDomains,
                            long version, List<CategoryView> categories) {
    }

    public record InvitationView(long id, String code, String category, int usesAllowed, int uses,
                                 boolean waivesVerification, String note, Long person) {

        static InvitationView of(Invitation i, String categoryCode) {
            return new InvitationView(i.id, i.code, categoryCode, i.usesAllowed, i.uses, i.waivesVerification, i.note,
                    i.personId);
        }
    }

    static CategoryView category(RegistrationCategory c, List<String> days, int taken, List<QuestionView> questions) {
        return new CategoryView(c.id, c.code, c.labelEn, c.labelZh, c.colour, c.verificationRequired,
                c.invitationRequired, c.capacity, c.capacityPerDay, c.validDays == null ? null : days,
                c.daysSelectable, c.sortOrder, c.enabled, taken, c.version, questions);
    }

    static SetupView setup(RegistrationSettings s, List<CategoryView> categories) {
        return new SetupView(s.exhibitionId, s.opensAt, s.closesAt, s.domains(), s.version, categories);
    }

    static RegistrationView registration(Registration r, String categoryCode, Map<String, Object> answers,
                                         RegistrantDedupQueue.Pending dedup) {
        return new RegistrationView(r.id, r.exhibitionId, categoryCode, r.status.name(), r.personId, r.organizationId,
                r.organizationName, r.email, r.country, r.dayList().stream().map(Object::toString).toList(), r.language,
                answers, r.invitationId, r.registeredAt, r.decidedAt, r.decidedBy, r.decisionReason,
                BadgeRef.of(r.badgeId), DedupView.of(dedup), r.dedupFinding);
    }
}
