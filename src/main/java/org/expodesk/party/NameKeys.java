package org.expodesk.party;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The comparable form of a name: full-width characters folded (ＡＢＣ → abc), case and accents
 * dropped, punctuation and spaces removed, and legal forms taken off the end (有限公司, Co., Ltd.,
 * GmbH …), so that "深圳市华强电子有限公司" and "深圳市 华强电子" compare equal. Latin legal forms
 * go only as whole words: "Taco" keeps its "co".
 */
public final class NameKeys {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> LATIN_FORMS = Set.of("co", "ltd", "inc", "llc", "gmbh", "corp", "corporation",
            "company", "limited", "incorporated", "sa", "srl", "bv", "ag", "plc", "kg", "pte", "pty");
    /** Longest first, so that 股份有限公司 goes before 有限公司. */
    private static final List<String> CJK_FORMS = List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
            "股份公司", "集团公司", "公司");

    private NameKeys() {
    }

    public static String organization(String name) {
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
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        return Arrays.stream(NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
