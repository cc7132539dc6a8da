package org.expodesk.party.dedup;

import org.expodesk.party.NameKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring a company's name against an alike one skips what cannot reach the score a decision needs
 * ({@link Similarity.Against#atLeast}): at or above the floor the score is the one {@link Similarity#of} gives, to
 * the last bit, below it it stays below (dedup decisions rest on both).
 */
class JaroWinklerBoundTest {

    private static final double[] FLOORS = {0, 0.3, 0.5, 0.7, (0.82 - OrganizationMatcher.MOST_CORROBORATION)
            / OrganizationMatcher.NAME_WEIGHT - 1e-9, 0.8, 0.85, 0.9, 0.95, 1};

    @Test
    void theBoundIsNeverBelowTheLibrarysJaroWinkler() {
        Random random = new Random(20261123);
        for (int n = 0; n < 50_000; n++) {
            String a = word(random);
            String b = random.nextInt(5) == 0 ? variant(random, a) : word(random);
            if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
                continue;
            }
            assertThat(Similarity.jaroWinklerAtMost(a, b)).as("%s / %s", a, b)
                    .isGreaterThanOrEqualTo(Similarity.jaroWinkler(a, b));
        }
    }

    @Test
    void atOrAboveTheFloorTheScoreIsExactBelowItStaysBelow() {
        Random random = new Random(20261124);
        List<String[]> pairs = new ArrayList<>();
        for (int n = 0; n < 50_000; n++) {
            String a = word(random);
            pairs.add(new String[] {a, random.nextInt(3) == 0 ? variant(random, a) : word(random)});
        }
        String[] names = {"深圳市华强电子有限公司", "华强电子", "深圳华强电子科技", "北京红星家具", "Shenzhen Huaqiang Electronics",
                "Shenzhen Huaqiang Electronic Co", "Blue Harbour Trading", "Blue Harbor Trading GmbH", "Golden Lamps",
                "华", "华华华", "abab", "a", "ab", "𠀀𠀁华强", "𠀀华强"};
        for (String a : names) {
            for (String b : names) {
                pairs.add(new String[] {NameKeys.organization(a), NameKeys.organization(b)});
            }
        }
        pairs.add(new String[] {null, "abc"});
        pairs.add(new String[] {"abc", ""});
        for (String[] pair : pairs) {
            Similarity.Against against = new Similarity.Against(pair[0]);
            double exact = Similarity.of(pair[0], pair[1]);
            for (double floor : FLOORS) {
                double scored = against.atLeast(pair[1], floor);
                if (exact >= floor) {
                    assertThat(scored).as("%s / %s from %s", pair[0], pair[1], floor).isEqualTo(exact);
                } else {
                    assertThat(scored).as("%s / %s from %s", pair[0], pair[1], floor).isLessThan(floor);
                }
            }
        }
    }

    private static final int[] LETTERS = "abcdeabc华强电子深圳市科技红星𠀀é ".codePoints().toArray();

    private static String word(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(14);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(LETTERS[random.nextInt(LETTERS.length)]);
        }
        return s.toString();
    }

    /** The word with a few characters changed, added or dropped: pairs that score near the floors. */
    private static String variant(Random random, String a) {
        StringBuilder s = new StringBuilder(a);
        for (int edits = random.nextInt(3); edits >= 0 && s.length() > 0; edits--) {
            int at = random.nextInt(s.length());
            if (Character.isSurrogate(s.charAt(at))) {
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> s.setCharAt(at, (char) LETTERS[random.nextInt(LETTERS.length - 3)]);
                case 1 -> s.insert(at, (char) LETTERS[random.nextInt(LETTERS.length - 3)]);
                default -> s.deleteCharAt(at);
            }
        }
        return s.toString();
    }
}
