package org.expodesk.party;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The comparable form of a name: full-width characters folded (ＡＢＣ → abc), case and accents
 * dropped, punctuation and spaces removed, and legal forms taken off the end (有限公司, Co., Ltd.,
 * GmbH …), so that "深圳市华强电子有限公司" and "深圳市 华强电子" compare equal. Latin legal forms
 * go only as whole words: "Taco" keeps its "co".
 */
public final class NameKeys {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> LATIN_FORMS = Set.of("co", "ltd", "inc", "llc", "gmbh", "corp", "corporation",
            "company", "limited", "incorporated", "sa", "srl", "bv", "ag", "plc", "kg", "pte", "pty");
    /** Longest first, so that 股份有限公司 goes before 有限公司. */
    private static final List<String> CJK_FORMS = List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
            "股份公司", "集团公司", "株式会社", "公司");

    /**
     * Organization names' keys, by name: a people import takes a row's company's key up to six times (its checks
     * ahead, the read ahead, the locks, the row), and folding was 7% of its Java samples. Emptied when full: the
     * name alone decides its key.
     */
    private static final Map<String, String> ORGANIZATION_KEYS = new ConcurrentHashMap<>();
    static final int REMEMBERED = 8192;
    /** Longer names are folded but not remembered: a field's text reaches this before its length is refused. */
    static final int LONGEST_REMEMBERED = 300;

    private NameKeys() {
    }

    public static String organization(String name) {
        if (name == null || name.length() > LONGEST_REMEMBERED) {
            return organizationKey(name);
        }
        String key = ORGANIZATION_KEYS.get(name);
        if (key == null) {
            key = organizationKey(name);
            if (ORGANIZATION_KEYS.size() >= REMEMBERED) {
                ORGANIZATION_KEYS.clear();
            }
            ORGANIZATION_KEYS.put(name, key);
        }
        return key;
    }

    /** How many names' keys are remembered now. */
    static int remembered() {
        return ORGANIZATION_KEYS.size();
    }

    /** Whether this name's key is remembered. */
    static boolean remembers(String name) {
        return ORGANIZATION_KEYS.containsKey(name);
    }

    /** An organization name's key, folded each time. */
    static String organizationKey(String name) {
        List<String> words = new ArrayList<>(Arrays.asList(words(name)));
        while (words.size() > 1 && LATIN_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        String key = String.join("", words);
        for (String form : CJK_FORMS) {
            if (key.length() > form.length() && key.endsWith(form)) {
                key = key.substring(0, key.length() - form.length());
                break;
            }
        }
        return key;
    }

    /** True for a word that is only a legal form (GmbH, Ltd., 有限公司). */
    public static boolean isLegalForm(String word) {
        String[] folded = words(word);
        if (folded.length == 0) {
            return false;
        }
        String joined = String.join("", folded);
        return LATIN_FORMS.contains(joined) || CJK_FORMS.contains(joined);
    }

    public static String person(String familyName, String givenName) {
        return fold((familyName == null ? "" : familyName) + (givenName == null ? "" : givenName));
    }

    /** Case, width, accents, punctuation and spaces folded away. */
    public static String fold(String text) {
        return String.join("", words(text));
    }

    private static String[] words(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return joinedLetters(isAscii(text) ? asciiTokens(text) : foldedTokens(text));
    }

    /** The text's runs of letters and digits, folded as Unicode says (width, accents, case). */
    static String[] foldedTokens(String text) {
        return NOT_WORD.split(Normalizer.normalize(withoutLatinAccents(text), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).trim());
    }

    /**
     * The same for a text of ASCII only, without the normalizations and the pattern, which leave ASCII as it is: a
     * letter or digit of ASCII is {@code \p{L}} or {@code \p{N}} and nothing else is (most names of companies and
     * people in Latin script; these were most of an import's folding).
     */
    static String[] asciiTokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                token.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                token.append(c);
            } else if (token.length() > 0) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens.toArray(String[]::new);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String[] joinedLetters(String[] tokens) {
        List<String> words = new ArrayList<>();
        StringBuilder letters = new StringBuilder();
        for (String w : tokens) {
            if (w.isEmpty()) {
                continue;
            }
            // "S.A.", "B.V.": single letters in a row are one word
            if (w.codePointCount(0, w.length()) == 1 && Character.isLetter(w.codePointAt(0))
                    && Character.UnicodeScript.of(w.codePointAt(0)) == Character.UnicodeScript.LATIN) {
                letters.append(w);
                continue;
            }
            if (letters.length() > 0) {
                words.add(letters.toString());
                letters.setLength(0);
            }
            words.add(w);
        }
        if (letters.length() > 0) {
            words.add(letters.toString());
        }
        return words.toArray(String[]::new);
    }

    /** Accents off Latin, Greek and Cyrillic letters only: elsewhere (ダ, ि) the mark is part of the letter. */
    private static String withoutLatinAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            boolean mark = Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            if (mark && (base == Character.UnicodeScript.LATIN || base == Character.UnicodeScript.GREEK
                    || base == Character.UnicodeScript.CYRILLIC)) {
                continue;
            }
            if (!mark) {
                base = Character.UnicodeScript.of(cp);
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
