package org.expodesk.party.dedup;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bigrams counted as numbers give the very scores the sets of strings gave (dedup decisions rest on them). */
class BigramJaccardTest {

    @Test
    void sameScoresAsSetsOfStrings() {
        Random random = new Random(20261123);
        String alphabet = "abcab华强电子华深圳𠀀𠀁é";
        int[] cps = alphabet.codePoints().toArray();
        for (int n = 0; n < 20_000; n++) {
            String a = word(random, cps);
            String b = random.nextInt(4) == 0 ? a : word(random, cps);
            assertThat(Similarity.bigramJaccard(a, b)).as("%s / %s", a, b).isEqualTo(bySets(a, b));
        }
        assertThat(Similarity.bigramJaccard("a", "a")).isEqualTo(1.0);
        assertThat(Similarity.bigramJaccard("a", "ab")).isEqualTo(0.0);
        assertThat(Similarity.bigramJaccard("", "ab")).isEqualTo(0.0);
    }

    private static String word(Random random, int[] cps) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(9);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return s.toString();
    }

    /** The former implementation. */
    private static double bySets(String a, String b) {
        Set<String> x = grams(a);
        Set<String> y = grams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    private static Set<String> grams(String s) {
        Set<String> grams = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            grams.add(s);
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }
}
