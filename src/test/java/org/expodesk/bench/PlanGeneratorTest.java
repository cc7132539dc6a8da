package org.expodesk.bench;

import org.expodesk.plan.schedule.CriticalPath;
import org.expodesk.plan.schedule.Network;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the benchmarks rely on in a generated plan; no timing here. */
class PlanGeneratorTest {

    @Test
    void exactlyTheDistinctForwardEdgesAskedFor() {
        PlanGenerator.Plan plan = PlanGenerator.generate(10_000, 30_000, 7);
        Network net = plan.network();

        assertThat(net.size()).isEqualTo(10_000);
        assertThat(net.edges()).isEqualTo(30_000);
        int[] rank = new int[net.size()];
        for (int r = 0; r < rank.length; r++) {
            rank[plan.topologicalOrder()[r]] = r;
        }
        Set<Long> distinct = new HashSet<>();
        for (int e = 0; e < net.edges(); e++) {
            assertThat(rank[net.pred()[e]]).isLessThan(rank[net.succ()[e]]);
            distinct.add((long) net.pred()[e] * net.size() + net.succ()[e]);
        }
        assertThat(distinct).hasSize(30_000);
        assertThat(BareTraversal.visit(net.size(), net.pred(), net.succ())).isBetween(0, net.size() - 1);
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        Network a = PlanGenerator.generate(2_000, 6_000, 42).network();
        Network b = PlanGenerator.generate(2_000, 6_000, 42).network();
        Network c = PlanGenerator.generate(2_000, 6_000, 43).network();

        assertThat(b.pred()).isEqualTo(a.pred());
        assertThat(b.succ()).isEqualTo(a.succ());
        assertThat(b.duration()).isEqualTo(a.duration());
        assertThat(b.deadline()).isEqualTo(a.deadline());
        assertThat(b.lag()).isEqualTo(a.lag());
        assertThat(c.pred()).isNotEqualTo(a.pred());
    }

    @Test
    void aRealisticMixOnceScheduled() {
        Network net = PlanGenerator.generate(10_000, 30_000, 7).network();
        var schedule = CriticalPath.schedule(net);

        assertThat(count(net.startToStart())).isBetween(3_000, 6_000);
        assertThat(net.duration()).contains(0, 20);
        assertThat(IntStream.of(net.duration()).allMatch(d -> d >= 0 && d <= 20)).isTrue();
        assertThat(net.lag()).contains(0, 5);
        assertThat(IntStream.of(net.lag()).allMatch(l -> l >= 0 && l <= 5)).isTrue();
        assertThat(count(schedule.atRisk())).isBetween(1, 1_000);
        assertThat(count(schedule.critical())).isBetween(1, 2_000);
    }

    @Test
    void smallAndCompletePlansToo() {
        Network complete = PlanGenerator.generate(6, 15, 1).network();
        assertThat(complete.edges()).isEqualTo(15);
        CriticalPath.schedule(complete);

        assertThatThrownBy(() -> PlanGenerator.generate(6, 16, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            if (f) {
                c++;
            }
        }
        return c;
    }
}
