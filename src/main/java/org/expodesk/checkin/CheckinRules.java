package org.expodesk.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one decision of check-in, as a pure function of the facts a scan brings: the server
 * decides with it online and the check-in page will decide with a JavaScript copy offline, so
 * every rule here is written down in docs/checkin.md and must stay as simple as that text.
 */
public final class CheckinRules {

    /** What checking the code's signature found. */
    public enum Signature {
        /** Signed by a known key of this edition. */
        VALID,
        /** Looks like our payload but the signature does not match, or the key is unknown. */
        FORGED,
        /** Not a badge payload at all. */
        UNREADABLE,
        /** Validly signed for another edition. */
        OTHER_EDITION
    }

    /** The badge's own state where the signature is valid. */
    public enum BadgeState {
        ACTIVE,
        REVOKED,
        /** A newer badge of the same holder replaced it. */
        SUPERSEDED,
        /** No such badge is known (e.g. issued after the offline bundle was fetched). */
        UNKNOWN
    }

    public enum Result {
        ADMITTED,
        ALREADY_ADMITTED,
        /** An exit scan, recorded so that free re-entry knows the holder left. */
        EXITED,
        REJECTED
    }

    /** Why a scan was rejected; the code is stable, its text is {@code checkin_reason_<CODE>}. */
    public enum Reason {
        FORGED,
        UNKNOWN,
        WRONG_EDITION,
        REVOKED,
        SUPERSEDED,
        WRONG_DIRECTION,
        WRONG_DAY,
        WRONG_ZONE,
        NOT_VERIFIED
    }

    /** The badge as the code and the badge records tell it. */
    public record Badge(Signature signature, BadgeState state, String category, Set<LocalDate> validDays,
                        Set<String> zones, boolean verificationRequired, boolean verified) {
    }

    /** Where the scan happens: the gate, and the categories the scanning device serves (empty = all). */
    public record Place(String gate, GateKind kind, Set<String> zones, Set<String> categories,
                        Set<String> deviceCategories) {
    }

    /** An earlier scan of the same badge. */
    public record PreviousScan(Instant at, String gate, Direction direction, Result result) {
    }

    /**
     * Everything a decision needs. {@code direction} null means IN, but OUT at an EXIT gate;
     * {@code previous} are the badge's scans that come before this one, in any order.
     */
    public record Facts(Badge badge, Place place, EntryPolicy policy, Instant scannedAt, ZoneId zone,
                        Direction direction, List<PreviousScan> previous) {
    }

    /** The decision; for ALREADY_ADMITTED, when and at which gate the holder got in. */
    public record Outcome(Result result, Reason reason, Instant earlierAt, String earlierGate) {

        /** The message key of what to show: the reason if rejected, else the result. */
        public String messageKey() {
            return reason != null ? "checkin_reason_" + reason.name() : "checkin_result_" + result.name();
        }

        static Outcome rejected(Reason reason) {
            return new Outcome(Result.REJECTED, reason, null, null);
        }

        static Outcome already(PreviousScan admission) {
            return new Outcome(Result.ALREADY_ADMITTED, null, admission.at(), admission.gate());
        }
    }

    private static final Outcome ADMITTED = new Outcome(Result.ADMITTED, null, null, null);
    private static final Outcome EXITED = new Outcome(Result.EXITED, null, null, null);

    private CheckinRules() {
    }

    public static Direction directionOf(Direction asked, GateKind kind) {
        if (asked != null) {
            return asked;
        }
        return kind == GateKind.EXIT ? Direction.OUT : Direction.IN;
    }

    public static Outcome decide(Facts facts) {
        Badge badge = facts.badge();
        Place place = facts.place();
        Reason unauthentic = authenticity(badge);
        if (unauthentic != null) {
            return Outcome.rejected(unauthentic);
        }
        Direction direction = directionOf(facts.direction(), place.kind());
        if (direction == Direction.OUT) {
            // whoever holds a genuine badge may leave, revoked or not
            return place.kind() == GateKind.ENTRY ? Outcome.rejected(Reason.WRONG_DIRECTION) : EXITED;
        }
        if (badge.state() == BadgeState.REVOKED) {
            return Outcome.rejected(Reason.REVOKED);
        }
        if (badge.state() == BadgeState.SUPERSEDED) {
            return Outcome.rejected(Reason.SUPERSEDED);
        }
        if (place.kind() == GateKind.EXIT) {
            return Outcome.rejected(Reason.WRONG_DIRECTION);
        }
        LocalDate today = facts.scannedAt().atZone(facts.zone()).toLocalDate();
        if (badge.validDays() == null || !badge.validDays().contains(today)) {
            return Outcome.rejected(Reason.WRONG_DAY);
        }
        if (!admits(place.categories(), badge.category()) || !admits(place.deviceCategories(), badge.category())
                || !zonesMeet(badge.zones(), place.zones())) {
            return Outcome.rejected(Reason.WRONG_ZONE);
        }
        if (badge.verificationRequired() && !badge.verified()) {
            return Outcome.rejected(Reason.NOT_VERIFIED);
        }
        return byPolicy(facts.policy() == null ? EntryPolicy.DEFAULT : facts.policy(), facts.previous(), today,
                facts.zone());
    }

    private static Reason authenticity(Badge badge) {
        return switch (badge.signature()) {
            case FORGED -> Reason.FORGED;
            case UNREADABLE -> Reason.UNKNOWN;
            case OTHER_EDITION -> Reason.WRONG_EDITION;
            case VALID -> badge.state() == BadgeState.UNKNOWN ? Reason.UNKNOWN : null;
        };
    }

    private static boolean admits(Set<String> categories, String category) {
        return categories == null || categories.isEmpty() || categories.contains(category);
    }

    /** A badge limited to zones gets in only at a gate that opens one of them; unlimited badges anywhere. */
    private static boolean zonesMeet(Set<String> badgeZones, Set<String> gateZones) {
        if (badgeZones == null || badgeZones.isEmpty() || gateZones == null || gateZones.isEmpty()) {
            return true;
        }
        return gateZones.stream().anyMatch(badgeZones::contains);
    }

    private static Outcome byPolicy(EntryPolicy policy, List<PreviousScan> previous, LocalDate today, ZoneId zone) {
        PreviousScan firstAdmission = null;
        PreviousScan firstAdmissionToday = null;
        PreviousScan last = null;
        for (PreviousScan scan : previous == null ? List.<PreviousScan>of() : previous) {
            if (scan.result() != Result.ADMITTED && scan.result() != Result.EXITED) {
                continue;
            }
            if (last == null || !scan.at().isBefore(last.at())) {
                last = scan;
            }
            if (scan.result() != Result.ADMITTED) {
                continue;
            }
            if (firstAdmission == null || scan.at().isBefore(firstAdmission.at())) {
                firstAdmission = scan;
            }
            boolean sameDay = Objects.equals(scan.at().atZone(zone).toLocalDate(), today);
            if (sameDay && (firstAdmissionToday == null || scan.at().isBefore(firstAdmissionToday.at()))) {
                firstAdmissionToday = scan;
            }
        }
        return switch (policy) {
            case SINGLE_ENTRY -> firstAdmission != null ? Outcome.already(firstAdmission) : ADMITTED;
            case ONCE_PER_DAY -> firstAdmissionToday != null ? Outcome.already(firstAdmissionToday) : ADMITTED;
            case FREE_REENTRY -> last != null && last.result() == Result.ADMITTED
                    && last.at().atZone(zone).toLocalDate().equals(today) ? Outcome.already(last) : ADMITTED;
        };
    }
}
