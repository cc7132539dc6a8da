package org.expodesk.checkin;

import org.expodesk.checkin.CheckinRules.Badge;
import org.expodesk.checkin.CheckinRules.BadgeState;
import org.expodesk.checkin.CheckinRules.Facts;
import org.expodesk.checkin.CheckinRules.Outcome;
import org.expodesk.checkin.CheckinRules.Place;
import org.expodesk.checkin.CheckinRules.PreviousScan;
import org.expodesk.checkin.CheckinRules.Reason;
import org.expodesk.checkin.CheckinRules.Result;
import org.expodesk.checkin.CheckinRules.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CheckinRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate MONDAY = LocalDate.of(2027, 6, 14);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    // 10:00 on Monday in Shanghai
    private static final Instant MONDAY_10 = Instant.parse("2027-06-14T02:00:00Z");

    private static Badge visitor() {
        return new Badge(Signature.VALID, BadgeState.ACTIVE, "VISITOR", Set.of(MONDAY, TUESDAY), Set.of(), false, false);
    }

    private static Place main() {
        return new Place("main", GateKind.BOTH, Set.of(), Set.of(), Set.of());
    }

    private static Facts scan(Badge badge, Place place, EntryPolicy policy, Instant at, Direction direction,
                              List<PreviousScan> previous) {
        return new Facts(badge, place, policy, at, SHANGHAI, direction, previous);
    }

    private static Outcome decide(Badge badge) {
        return CheckinRules.decide(scan(badge, main(), null, MONDAY_10, null, List.of()));
    }

    private static Outcome decide(EntryPolicy policy, Instant at, PreviousScan... previous) {
        return CheckinRules.decide(scan(visitor(), main(), policy, at, Direction.IN, List.of(previous)));
    }

    private static PreviousScan admitted(Instant at, String gate) {
        return new PreviousScan(at, gate, Direction.IN, Result.ADMITTED);
    }

    private static PreviousScan exited(Instant at) {
        return new PreviousScan(at, "east", Direction.OUT, Result.EXITED);
    }

    private static Badge with(Signature signature, BadgeState state) {
        Badge v = visitor();
        return new Badge(signature, state, v.category(), v.validDays(), v.zones(), false, false);
    }

    @Test
    void aGenuineBadgeOnItsDayIsAdmittedTheFirstTime() {
        assertThat(decide(visitor())).isEqualTo(new Outcome(Result.ADMITTED, null, null, null));
    }

    @Test
    void aBadSignatureIsRejectedBeforeAnythingElse() {
        assertThat(decide(with(Signature.FORGED, BadgeState.ACTIVE)).reason()).isEqualTo(Reason.FORGED);
        assertThat(decide(with(Signature.FORGED, BadgeState.REVOKED)).reason()).isEqualTo(Reason.FORGED);
        assertThat(decide(with(Signature.UNREADABLE, BadgeState.UNKNOWN)).reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(decide(with(Signature.OTHER_EDITION, BadgeState.ACTIVE)).reason()).isEqualTo(Reason.WRONG_EDITION);
        assertThat(decide(with(Signature.VALID, BadgeState.UNKNOWN)).reason()).isEqualTo(Reason.UNKNOWN);
        assertThat(decide(with(Signature.FORGED, BadgeState.ACTIVE)).result()).isEqualTo(Result.REJECTED);
    }

    @Test
    void revokedAndSupersededBadgesAreRejected() {
        assertThat(decide(with(Signature.VALID, BadgeState.REVOKED))).isEqualTo(
                new Outcome(Result.REJECTED, Reason.REVOKED, null, null));
        assertThat(decide(with(Signature.VALID, BadgeState.SUPERSEDED)).reason()).isEqualTo(Reason.SUPERSEDED);
    }

    @Test
    void aBadgeIsValidOnlyOnItsDaysInTheEditionsTimeZone() {
        Badge mondayOnly = new Badge(Signature.VALID, BadgeState.ACTIVE, "VISITOR", Set.of(MONDAY), Set.of(), false, false);
        // 23:30 UTC on Monday is already Tuesday 07:30 in Shanghai
        Outcome lateUtc = CheckinRules.decide(scan(mondayOnly, main(), null, Instant.parse("2027-06-14T23:30:00Z"),
                null, List.of()));
        assertThat(lateUtc.reason()).isEqualTo(Reason.WRONG_DAY);
        // 16:30 UTC on Sunday is Monday 00:30 in Shanghai
        Outcome earlyUtc = CheckinRules.decide(scan(mondayOnly, main(), null, Instant.parse("2027-06-13T16:30:00Z"),
                null, List.of()));
        assertThat(earlyUtc.result()).isEqualTo(Result.ADMITTED);
        Badge noDays = new Badge(Signature.VALID, BadgeState.ACTIVE, "VISITOR", Set.of(), Set.of(), false, false);
        assertThat(decide(noDays).reason()).isEqualTo(Reason.WRONG_DAY);
    }

    @Test
    void aGateAndADeviceAdmitOnlyTheirCategories() {
        Place buyersOnly = new Place("buyers", GateKind.ENTRY, Set.of(), Set.of("BUYER", "VIP"), Set.of());
        assertThat(CheckinRules.decide(scan(visitor(), buyersOnly, null, MONDAY_10, null, List.of())).reason())
                .isEqualTo(Reason.WRONG_ZONE);
        Place pressDevice = new Place("main", GateKind.BOTH, Set.of(), Set.of(), Set.of("PRESS"));
        assertThat(CheckinRules.decide(scan(visitor(), pressDevice, null, MONDAY_10, null, List.of())).reason())
                .isEqualTo(Reason.WRONG_ZONE);
        Place visitorsToo = new Place("buyers", GateKind.ENTRY, Set.of(), Set.of("BUYER", "VISITOR"), Set.of("VISITOR"));
        assertThat(CheckinRules.decide(scan(visitor(), visitorsToo, null, MONDAY_10, null, List.of())).result())
                .isEqualTo(Result.ADMITTED);
    }

    @Test
    void aBadgeLimitedToZonesGetsInOnlyWhereOneOfThemOpens() {
        Badge lounge = new Badge(Signature.VALID, BadgeState.ACTIVE, "VIP", Set.of(MONDAY), Set.of("LOUNGE"), false, false);
        Place hall = new Place("hall", GateKind.ENTRY, Set.of("HALL-1"), Set.of(), Set.of());
        Place loungeDoor = new Place("lounge", GateKind.ENTRY, Set.of("LOUNGE", "HALL-1"), Set.of(), Set.of());
        assertThat(CheckinRules.decide(scan(lounge, hall, null, MONDAY_10, null, List.of())).reason())
                .isEqualTo(Reason.WRONG_ZONE);
        assertThat(CheckinRules.decide(scan(lounge, loungeDoor, null, MONDAY_10, null, List.of())).result())
                .isEqualTo(Result.ADMITTED);
        assertThat(CheckinRules.decide(scan(lounge, main(), null, MONDAY_10, null, List.of())).result())
                .as("a gate that names no zone opens the general area").isEqualTo(Result.ADMITTED);
        assertThat(CheckinRules.decide(scan(visitor(), loungeDoor, null, MONDAY_10, null, List.of())).result())
                .as("a badge without zones is not limited").isEqualTo(Result.ADMITTED);
    }

    @Test
    void aBuyerMustBeVerifiedWhereTheCategoryRequiresIt() {
        Badge unverified = new Badge(Signature.VALID, BadgeState.ACTIVE, "BUYER", Set.of(MONDAY), Set.of(), true, false);
        Badge verified = new Badge(Signature.VALID, BadgeState.ACTIVE, "BUYER", Set.of(MONDAY), Set.of(), true, true);
        assertThat(decide(unverified).reason()).isEqualTo(Reason.NOT_VERIFIED);
        assertThat(decide(verified).result()).isEqualTo(Result.ADMITTED);
    }

    @Test
    void singleEntryAdmitsOnceForTheWholeShowAndTellsWhenAndWhere() {
        Instant monday = MONDAY_10;
        Instant tuesday = MONDAY_10.plusSeconds(86_400);
        Outcome again = decide(EntryPolicy.SINGLE_ENTRY, tuesday, admitted(monday, "north"), exited(monday.plusSeconds(60)));
        assertThat(again).isEqualTo(new Outcome(Result.ALREADY_ADMITTED, null, monday, "north"));
    }

    @Test
    void oncePerDayAdmitsAgainOnTheNextLocalDayOnly() {
        Instant mondayMorning = MONDAY_10;
        PreviousScan first = admitted(mondayMorning, "north");
        assertThat(decide(EntryPolicy.ONCE_PER_DAY, mondayMorning.plusSeconds(3_600), first, exited(mondayMorning.plusSeconds(60))))
                .isEqualTo(new Outcome(Result.ALREADY_ADMITTED, null, mondayMorning, "north"));
        assertThat(decide(EntryPolicy.ONCE_PER_DAY, mondayMorning.plusSeconds(86_400), first).result())
                .isEqualTo(Result.ADMITTED);
        assertThat(decide(null, mondayMorning.plusSeconds(3_600), first).result())
                .as("no policy is once per day").isEqualTo(Result.ALREADY_ADMITTED);
    }

    @Test
    void oncePerDayCountsTheDayInTheEditionsZoneNotUtc() {
        // Monday 23:00 and Tuesday 01:00 in Shanghai are both Monday 15:00 / 17:00 UTC
        Instant mondayLate = Instant.parse("2027-06-14T15:00:00Z");
        Instant tuesdayEarly = Instant.parse("2027-06-14T17:00:00Z");
        assertThat(decide(EntryPolicy.ONCE_PER_DAY, tuesdayEarly, admitted(mondayLate, "main")).result())
                .isEqualTo(Result.ADMITTED);
    }

    @Test
    void freeReentryAdmitsAgainAfterAnExitOnly() {
        Instant in = MONDAY_10;
        Instant out = in.plusSeconds(600);
        assertThat(decide(EntryPolicy.FREE_REENTRY, in.plusSeconds(60), admitted(in, "north")))
                .isEqualTo(new Outcome(Result.ALREADY_ADMITTED, null, in, "north"));
        assertThat(decide(EntryPolicy.FREE_REENTRY, out.plusSeconds(60), admitted(in, "north"), exited(out)).result())
                .isEqualTo(Result.ADMITTED);
        Instant back = out.plusSeconds(120);
        assertThat(decide(EntryPolicy.FREE_REENTRY, back.plusSeconds(60), exited(out), admitted(in, "north"),
                admitted(back, "south")))
                .as("the latest admission is reported").isEqualTo(new Outcome(Result.ALREADY_ADMITTED, null, back, "south"));
    }

    @Test
    void freeReentryStartsOverOnANewDayWithoutAnExit() {
        assertThat(decide(EntryPolicy.FREE_REENTRY, MONDAY_10.plusSeconds(86_400), admitted(MONDAY_10, "north")).result())
                .isEqualTo(Result.ADMITTED);
    }

    @ParameterizedTest
    @EnumSource(EntryPolicy.class)
    void rejectedAndAlreadyAdmittedScansDoNotCountAsAdmissions(EntryPolicy policy) {
        PreviousScan rejected = new PreviousScan(MONDAY_10, "north", Direction.IN, Result.REJECTED);
        PreviousScan repeat = new PreviousScan(MONDAY_10, "north", Direction.IN, Result.ALREADY_ADMITTED);
        assertThat(decide(policy, MONDAY_10.plusSeconds(60), rejected, repeat).result()).isEqualTo(Result.ADMITTED);
    }

    @Test
    void anExitScanAtAnExitGateIsRecordedAsExitedEvenForARevokedBadge() {
        Place exit = new Place("exit", GateKind.EXIT, Set.of(), Set.of(), Set.of());
        assertThat(CheckinRules.decide(scan(visitor(), exit, null, MONDAY_10, null, List.of())))
                .as("no direction at an exit gate is OUT").isEqualTo(new Outcome(Result.EXITED, null, null, null));
        assertThat(CheckinRules.decide(scan(with(Signature.VALID, BadgeState.REVOKED), main(), null, MONDAY_10,
                Direction.OUT, List.of())).result()).isEqualTo(Result.EXITED);
        assertThat(CheckinRules.decide(scan(with(Signature.FORGED, BadgeState.ACTIVE), exit, null, MONDAY_10,
                Direction.OUT, List.of())).reason()).isEqualTo(Reason.FORGED);
    }

    @Test
    void aGateRefusesTheDirectionItDoesNotServe() {
        Place entry = new Place("entry", GateKind.ENTRY, Set.of(), Set.of(), Set.of());
        Place exit = new Place("exit", GateKind.EXIT, Set.of(), Set.of(), Set.of());
        assertThat(CheckinRules.decide(scan(visitor(), entry, null, MONDAY_10, Direction.OUT, List.of())).reason())
                .isEqualTo(Reason.WRONG_DIRECTION);
        assertThat(CheckinRules.decide(scan(visitor(), exit, null, MONDAY_10, Direction.IN, List.of())).reason())
                .isEqualTo(Reason.WRONG_DIRECTION);
    }

    @Test
    void theOrderOfChecksDecidesWhichReasonIsShown() {
        Badge everythingWrong = new Badge(Signature.VALID, BadgeState.REVOKED, "VISITOR", Set.of(), Set.of(), true, false);
        assertThat(decide(everythingWrong).reason()).isEqualTo(Reason.REVOKED);
        Badge wrongDayAndUnverified = new Badge(Signature.VALID, BadgeState.ACTIVE, "BUYER", Set.of(TUESDAY), Set.of(),
                true, false);
        assertThat(decide(wrongDayAndUnverified).reason()).isEqualTo(Reason.WRONG_DAY);
        Place buyersOnly = new Place("buyers", GateKind.ENTRY, Set.of(), Set.of("BUYER"), Set.of());
        Badge unverifiedPress = new Badge(Signature.VALID, BadgeState.ACTIVE, "PRESS", Set.of(MONDAY), Set.of(), true, false);
        assertThat(CheckinRules.decide(scan(unverifiedPress, buyersOnly, null, MONDAY_10, null, List.of())).reason())
                .isEqualTo(Reason.WRONG_ZONE);
        Badge admittedBefore = visitor();
        assertThat(CheckinRules.decide(scan(new Badge(Signature.VALID, BadgeState.ACTIVE, "VISITOR", Set.of(TUESDAY),
                Set.of(), false, false), main(), EntryPolicy.SINGLE_ENTRY, MONDAY_10, null,
                List.of(admitted(MONDAY_10.minusSeconds(60), "main")))).reason())
                .as("a rejection wins over an earlier admission").isEqualTo(Reason.WRONG_DAY);
        assertThat(admittedBefore.category()).isEqualTo("VISITOR");
    }
}
