package org.expodesk.audit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids handed out by {@link IdBlocks} from many threads at once, with blocks so small that they refill all the time. */
@QuarkusTest
class IdBlocksTest {

    @Inject
    IdBlocks idBlocks;

    @Test
    void threadsRefillingAtOnceGetDistinctIdsWithNoneThrownAway() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        assertThat(ids.add(idBlocks.next("person", 3))).isTrue();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(800);
        // one block at a time: the 800 ids lie in at most 800 / 3 + 2 blocks of 3, other nodes' aside
        long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(max - min + 1).isLessThan(3L * (800 / 3 + 2));
    }
}
