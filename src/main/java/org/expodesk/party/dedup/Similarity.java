package org.expodesk.party.dedup;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.HashSet;
import java.util.Set;

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
        return Math.max(Math.max(JARO_WINKLER.apply(a, b), bigramJaccard(a, b)), containment(a, b));
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
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return (double) x.size() / union.size();
    }

    private static Set<String> bigrams(String s) {
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
