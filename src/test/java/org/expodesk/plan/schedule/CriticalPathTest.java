package org.expodesk.plan.schedule;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plan small enough to work out by hand (working-day numbers, finishes exclusive):
 * <pre>
 *  A(3) ─FS─▶ B(2) ─FS─▶ D(1) ─FS─▶ E(0: a milestone, due by day 9)
 *    └─FS+1─▶ C(4) ─FS─────▲
 *    └─SS+2─▶ G(2)          F(2) on its own; everything else due by day 20, D by day 12
 * </pre>
 * Forward: A 0–3, B 3–5, C 4–8, D 8–9, E 9–9, F 0–2, G 2–4. Backward from the deadlines:
 * E 9–9, D 8–9, C 4–8, B 6–8, A 0–3 (C's start 4 less the lag), G 19–21, F 19–21.
 * So A, C, D, E are critical; B has 3 days of slack, G 17, F 19.
 */
class CriticalPathTest {

    static final int A = 0, B = 1, C = 2, D = 3, E = 4, F = 5, G = 6;

    @Test
    void everyFigureOfTheHandWorkedPlan() {
        Schedule s = CriticalPath.schedule(plan(Network.NONE, false));

        assertThat(s.earlyStart()).containsExactly(0, 3, 4, 8, 9, 0, 2);
        assertThat(s.earlyFinish()).containsExactly(3, 5, 8, 9, 9, 2, 4);
        assertThat(s.lateStart()).containsExactly(0, 6, 4, 8, 9, 19, 19);
        assertThat(s.lateFinish()).containsExactly(3, 8, 8, 9, 9, 21, 21);
        assertThat(new int[] {s.slack(A), s.slack(B), s.slack(C), s.slack(D), s.slack(E), s.slack(F), s.slack(G)})
                .containsExactly(0, 3, 0, 0, 0, 19, 17);
        assertThat(s.critical()).containsExactly(true, false, true, true, true, false, false);
        assertThat(s.atRisk()).containsOnly(false);
    }

    @Test
    void aSlipPushesEverySuccessorAndFlagsTheTaskThatMissesItsDeadline() {
        // C is now forecast to finish on day 9 instead of day 7
        Schedule s = CriticalPath.schedule(plan(9, false));

        assertThat(s.earlyFinish()[C]).isEqualTo(10);
        assertThat(s.earlyStart()[D]).isEqualTo(10);
        assertThat(s.earlyStart()[E]).isEqualTo(11);
        assertThat(s.atRisk()).containsExactly(false, false, false, false, true, false, false);
        assertThat(s.slack(D)).isEqualTo(-2);
        assertThat(s.earlyStart()[B]).isEqualTo(3);
        assertThat(s.earlyStart()[F]).isZero();
    }

    @Test
    void aMilestoneMayFallOnItsDeadlineDayButNotADayLater() {
        Network onTime = plan(Network.NONE, false);
        onTime.deadline()[E] = 9;
        assertThat(CriticalPath.schedule(onTime).atRisk()[E]).isFalse();
        Network late = plan(Network.NONE, false);
        late.deadline()[E] = 8;
        Schedule s = CriticalPath.schedule(late);
        assertThat(s.atRisk()[E]).isTrue();
        assertThat(s.lateStart()[E]).isEqualTo(8);
    }

    @Test
    void aPinnedTaskKeepsItsDateAndShowsTheConflict() {
        Schedule s = CriticalPath.schedule(plan(Network.NONE, true));
        int h = 7;
        assertThat(s.earlyStart()[h]).isEqualTo(5);
        assertThat(s.conflict()[h]).isTrue();
        assertThat(Arrays.copyOf(s.conflict(), 7)).containsOnly(false);
    }

    @Test
    void aCycleIsNamed() {
        Network net = new Network(new int[] {1, 1, 1}, new int[3], new int[] {9, 9, 9}, new boolean[3], none(3),
                none(3), none(3), new int[] {0, 1, 2}, new int[] {1, 2, 1}, new boolean[3], new int[3]);
        assertThatThrownBy(() -> CriticalPath.schedule(net))
                .isInstanceOfSatisfying(CriticalPath.CycleException.class,
                        e -> assertThat(e.cycle()).isIn(java.util.List.of(1, 2, 1), java.util.List.of(2, 1, 2)));
    }

    /** The plan above; with {@code pinned}, an 8th task H(1) pinned to day 5 but after C. */
    static Network plan(int forecastFinishOfC, boolean pinned) {
        int n = pinned ? 8 : 7;
        int[] duration = Arrays.copyOf(new int[] {3, 2, 4, 1, 0, 2, 2, 1}, n);
        int[] notBefore = Arrays.copyOf(new int[] {0, 0, 0, 0, 0, 0, 2, 5}, n);
        int[] deadline = Arrays.copyOf(new int[] {20, 20, 20, 12, 9, 20, 20, 20}, n);
        boolean[] pin = new boolean[n];
        if (pinned) {
            pin[7] = true;
        }
        int[] forecast = none(n);
        forecast[C] = forecastFinishOfC;
        int[] pred = pinned ? new int[] {A, A, B, C, D, A, C} : new int[] {A, A, B, C, D, A};
        int[] succ = pinned ? new int[] {B, C, D, D, E, G, 7} : new int[] {B, C, D, D, E, G};
        boolean[] ss = pinned ? new boolean[] {false, false, false, false, false, true, false}
                : new boolean[] {false, false, false, false, false, true};
        int[] lag = pinned ? new int[] {0, 1, 0, 0, 0, 2, 0} : new int[] {0, 1, 0, 0, 0, 2};
        return new Network(duration, notBefore, deadline, pin, none(n), none(n), forecast, pred, succ, ss, lag);
    }

    static int[] none(int n) {
        int[] a = new int[n];
        Arrays.fill(a, Network.NONE);
        return a;
    }
}
