package org.expodesk.party.dedup;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;


/**
 * How alike two name keys are, for Latin and Chinese names alike: Jaro-Winkler rewards a shared
 * beginning and handles typos in Latin names; the Jaccard index of character bigrams handles
 * Chinese names, where one added or missing character matters less than order; containment
 * catches a name with a city prefix or branch suffix.
 */
public final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Similarity() {
    }

    public static double of(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        return Math.max(Math.max(JARO_WINKLER.apply(a, b), bigramJaccard(bigrams(a), bigrams(b))), containment(a, b));
    }

    /** One name compared with many ({@link #of} each): its bigrams computed once, not once per other name. */
    public static final class Against {
        private final String name;
        private final long[] bigrams;

        public Against(String name) {
            this.name = name;
            this.bigrams = name == null || name.isEmpty() ? null : bigrams(name);
        }

        /** The same as {@code Similarity.of(name, other)}. */
        public double of(String other) {
            if (bigrams == null || other == null || other.isEmpty()) {
                return 0;
            }
            if (name.equals(other)) {
                return 1;
            }
            return Math.max(Math.max(JARO_WINKLER.apply(name, other), bigramJaccard(bigrams, bigrams(other))),
                    containment(name, other));
        }

        /**
         * {@link #of} when it is at least {@code floor}, else some score below {@code floor}: a name scored below
         * what a decision needs is not computed (Jaro-Winkler and the bigrams were most of scoring, and most
         * alike names score far below a likely match). Bounds that need only {@code indexOf} tell which of the
         * measures cannot reach the floor, nor the best of the others; only the rest is computed.
         */
        public double atLeast(String other, double floor) {
            if (bigrams == null || other == null || other.isEmpty()) {
                return 0;
            }
            if (name.equals(other)) {
                return 1;
            }
            double best = containment(name, other);
            double jaroWinklerAtMost = jaroWinklerAtMost(name, other);
            double jaccardAtMost = bigramJaccardAtMost(other);
            if (Math.max(best, Math.max(jaroWinklerAtMost, jaccardAtMost)) < floor) {
                return Math.max(best, Math.max(jaroWinklerAtMost, jaccardAtMost));
            }
            if (jaccardAtMost > best) {
                best = Math.max(best, bigramJaccard(bigrams, bigrams(other)));
            }
            if (jaroWinklerAtMost > best) {
                best = Math.max(best, JARO_WINKLER.apply(name, other));
            }
            return best;
        }

        /**
         * At least the bigram Jaccard index with {@code other}: a bigram both share has both its characters in
         * {@code other}, and the union holds all of this name's distinct bigrams.
         */
        private double bigramJaccardAtMost(String other) {
            if (bigrams.length == 1 && bigrams[0] < 0) {
                // a one-character name is its own bigram: shared only with that very name
                return 1;
            }
            int possible = 0;
            boolean previousIn = false;
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                boolean in = other.indexOf(cp) >= 0;
                if (in && previousIn) {
                    possible++;
                }
                previousIn = in;
                i += Character.charCount(cp);
            }
            return Math.min(1.0, (double) possible / bigrams.length);
        }
    }

    /**
     * At least the Jaro-Winkler similarity of two different, non-empty names: no more characters of the shorter
     * match than occur in the longer at all, no transposition, and the largest prefix bonus (four characters).
     * Each step only grows with the number of matches, so the bound holds as computed in doubles too
     * ({@code JaroWinklerBoundTest} against the library).
     */
    static double jaroWinklerAtMost(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        int matches = 0;
        for (int i = 0; i < shorter.length(); i++) {
            if (longer.indexOf(shorter.charAt(i)) >= 0) {
                matches++;
            }
        }
        if (matches == 0) {
            return 0;
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + 1) / 3;
        // the library's boost: below 0.7 none, else up to 0.1 per common leading character, at most four
        return Math.min(1.0, (jaro < 0.7 ? jaro : jaro + 0.4 * (1 - jaro)) + 1e-9);
    }

    static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /**
     * One name inside the other (华强电子 in 深圳市华强电子: a city prefix, a branch suffix) is a strong
     * sign, the stronger the more of the longer name it covers; too short a name proves nothing.
     */
    static double containment(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        int shortLength = shorter.codePointCount(0, shorter.length());
        if (shortLength < 3 || !longer.contains(shorter)) {
            return 0;
        }
        return 0.85 + 0.15 * shortLength / longer.codePointCount(0, longer.length());
    }

    static double bigramJaccard(String a, String b) {
        return bigramJaccard(bigrams(a), bigrams(b));
    }

    private static double bigramJaccard(long[] x, long[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int shared = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                shared++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) shared / (x.length + y.length - shared);
    }

    /**
     * The distinct character bigrams of {@code s}, each as a number (a one-character name is its own
     * bigram), sorted: a scored import compares each new company with up to 200 names, and sets of
     * strings were most of that time.
     */
    private static long[] bigrams(String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            return new long[] {-1L - cps[0]};
        }
        if (cps.length < 2) {
            return new long[0];
        }
        long[] grams = new long[cps.length - 1];
        for (int i = 0; i + 1 < cps.length; i++) {
            grams[i] = (long) cps[i] << 21 | cps[i + 1];
        }
        java.util.Arrays.sort(grams);
        int distinct = 1;
        for (int i = 1; i < grams.length; i++) {
            if (grams[i] != grams[distinct - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        return distinct == grams.length ? grams : java.util.Arrays.copyOf(grams, distinct);
    }
}
