package org.expodesk.party;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms under which a record is found (docs/search.md), and how a typed word is looked up
 * among them. Names are folded like {@link NameKeys} and cut into runs: a Latin (or other
 * spaced-script) run is one term, found by any start of it; a Han, kana or Hangul run gives its
 * overlapping character pairs (华强电子: 华强, 强电, 电子), so any two or more characters in a row
 * are found. Phone numbers give their digits forwards and backwards, so a number is found by its
 * start (with the country code) and by its end (without it). Pure functions: the index, its
 * backfill and the benchmarks' data generator all call these, so they write the same terms.
 */
public final class SearchTerms {

    /** Longer terms are cut: no one types more to find a record. */
    public static final int MAX_LENGTH = 64;
    /** Fewer digits than this are not looked up as a phone number. */
    public static final int MIN_PHONE_DIGITS = 6;
    static final String PHONE = "#";
    static final String PHONE_REVERSED = "~";
    /** Between words: spaces and joining punctuation, not the dots of "S.A." or "Co." nor apostrophes. */
    public static final java.util.regex.Pattern WORD_BREAK =
            java.util.regex.Pattern.compile("[\\s,;:/()\\[\\]&+|\\-\u2013\u2014\uff0c\u3001\uff08\uff09\u00b7]+");

    private SearchTerms() {
    }

    /** The terms of an organization: its name in both scripts (without legal forms) and its phone. */
    public static Set<String> organization(String name, String nameLatin, String phone) {
        Set<String> terms = new LinkedHashSet<>();
        names(terms, name, true);
        names(terms, nameLatin, true);
        phone(terms, phone);
        return terms;
    }

    /** The terms of a person: family and given name, and phone. */
    public static Set<String> person(String familyName, String givenName, String phone) {
        Set<String> terms = new LinkedHashSet<>();
        names(terms, (familyName == null ? "" : familyName) + " " + (givenName == null ? "" : givenName), false);
        phone(terms, phone);
        return terms;
    }

    private static void names(Set<String> terms, String name, boolean organization) {
        if (name == null || name.isBlank()) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (String word : WORD_BREAK.split(name.trim())) {
            if (organization && NameKeys.isLegalForm(word)) {
                continue;
            }
            String folded = organization ? NameKeys.organization(word) : NameKeys.fold(word);
            if (!folded.isEmpty()) {
                words.add(folded);
            }
        }
        for (String word : words) {
            for (Run run : runs(word)) {
                if (run.paired()) {
                    terms.addAll(pairs(run.text()));
                } else {
                    terms.add(cut(run.text()));
                }
            }
        }
        // the whole folded name, for words typed together: "marysmith", and the pairs across the
        // space in "欧阳 娜娜" or "深圳市 华强电子"
        if (words.size() > 1) {
            String whole = String.join("", words);
            terms.add(cut(whole));
            for (Run run : runs(whole)) {
                if (run.paired()) {
                    terms.addAll(pairs(run.text()));
                }
            }
        }
    }

    private static void phone(Set<String> terms, String phone) {
        String digits = digits(phone);
        if (digits.length() >= MIN_PHONE_DIGITS) {
            terms.add(cut(PHONE + digits));
            terms.add(cut(PHONE_REVERSED + new StringBuilder(digits).reverse()));
        }
    }

    public static String digits(String text) {
        return text == null ? "" : text.replaceAll("[^0-9]", "");
    }

    /**
     * What one typed word must meet, all of it: each element is a term prefix ({@code "abc%"})
     * or an exact term, for a LIKE on the term column. Empty when the word has nothing to look up.
     */
    public static List<String> patterns(String foldedWord) {
        List<String> patterns = new ArrayList<>();
        for (Run run : runs(foldedWord)) {
            if (run.paired() && run.length() >= 2) {
                for (String pair : pairs(run.text())) {
                    patterns.add(escape(pair));
                }
            } else {
                // a single Han character, or the start of a Latin word
                patterns.add(escape(cut(run.text())) + "%");
            }
        }
        return patterns;
    }

    /** The LIKE patterns that find a phone number by these digits: by its start, or by its end. */
    public static List<String> phonePatterns(String digits) {
        if (digits.length() < MIN_PHONE_DIGITS) {
            return List.of();
        }
        Set<String> patterns = new LinkedHashSet<>();
        patterns.add(escape(cut(PHONE + digits)) + "%");
        patterns.add(escape(cut(PHONE_REVERSED + new StringBuilder(digits).reverse())) + "%");
        // typed with the trunk prefix (0755 …), stored with the country code (+86 755 …)
        String national = digits.replaceFirst("^0+", "");
        if (national.length() >= MIN_PHONE_DIGITS) {
            patterns.add(escape(cut(PHONE_REVERSED + new StringBuilder(national).reverse())) + "%");
        }
        return List.copyOf(patterns);
    }

    /**
     * True when finding the word's terms is not enough and the name must be checked to hold the
     * word as typed: its character pairs may sit apart (华强 … 电子 for 华强电子), or its runs of two
     * scripts (华强88) may belong to different words.
     */
    public static boolean needsAdjacency(String foldedWord) {
        List<Run> runs = runs(foldedWord);
        return runs.size() > 1 || (runs.size() == 1 && runs.get(0).paired() && runs.get(0).length() > 2);
    }

    private record Run(String text, boolean paired) {

        int length() {
            return text.codePointCount(0, text.length());
        }
    }

    private static List<Run> runs(String word) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean paired = null;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            boolean p = isPaired(cp);
            if (paired != null && p != paired) {
                runs.add(new Run(current.toString(), paired));
                current.setLength(0);
            }
            paired = p;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), paired));
        }
        return runs;
    }

    private static boolean isPaired(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** 华强电子 → 华强, 强电, 电子; a lone character is its own term. */
    private static List<String> pairs(String run) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            return List.of(run);
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            pairs.add(new String(Arrays.copyOfRange(cps, i, i + 2), 0, 2));
        }
        return pairs;
    }

    private static String cut(String term) {
        if (term.codePointCount(0, term.length()) <= MAX_LENGTH) {
            return term;
        }
        return term.substring(0, term.offsetByCodePoints(0, MAX_LENGTH));
    }

    /** LIKE's own characters taken literally (the escape character is the default backslash). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
