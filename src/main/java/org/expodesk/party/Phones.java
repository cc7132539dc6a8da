package org.expodesk.party;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.eclipse.microprofile.config.ConfigProvider;
import org.expodesk.platform.problem.FieldError;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone numbers in E.164 (+8613800138000), the form they are compared and searched in. A number
 * typed without "+" is read as a number of the record's country, else of the configured default
 * region ({@code expodesk.default-region}, CN). What was typed stays on the record for display.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /**
     * Numbers read, by region and text ("" for no valid number): an import reads each row's phone
     * up to four times (its checks ahead, the person blocks, the row's check, the create), and parsing was an
     * eighth of its Java time. Emptied when full: the text and region decide the answer, nothing else.
     */
    private static final Map<String, String> READ = new ConcurrentHashMap<>();
    static final int REMEMBERED = 8192;
    /**
     * Longer texts are parsed but not remembered: a field's text reaches this before its length is refused,
     * and thousands of megabyte-long "phones" kept here would fill the heap. No valid number is this long.
     */
    static final int LONGEST_REMEMBERED = 64;

    private Phones() {
    }

    /** E.164, or null when the text is not a valid number. */
    public static String e164(String typed, String country) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.trim();
        String region = region(country);
        if (text.length() > LONGEST_REMEMBERED) {
            String e164 = parse(text, region);
            return e164.isEmpty() ? null : e164;
        }
        String key = region + '\u001F' + text;
        String e164 = READ.get(key);
        if (e164 == null) {
            e164 = parse(text, region);
            if (READ.size() >= REMEMBERED) {
                READ.clear();
            }
            READ.put(key, e164);
        }
        return e164.isEmpty() ? null : e164;
    }

    /** How many texts are remembered now. */
    static int remembered() {
        return READ.size();
    }

    /** Whether this text is remembered for this country. */
    static boolean remembers(String typed, String country) {
        return READ.containsKey(region(country) + '\u001F' + typed.trim());
    }

    /** E.164, or "" for no valid number: the parse itself, each time. */
    static String parse(String text, String region) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, region);
            return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : "";
        } catch (NumberParseException e) {
            return "";
        }
    }

    /** E.164 of a field, or a field error (blank is no number and no error). */
    public static String e164(String typed, String country, String field, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String e164 = e164(typed, country);
        if (e164 == null) {
            errors.add(new FieldError(field, "party_phoneInvalid"));
        }
        return e164;
    }

    static String region(String country) {
        if (country != null && country.length() == 2) {
            return country.toUpperCase(Locale.ROOT);
        }
        return ConfigProvider.getConfig().getOptionalValue("expodesk.default-region", String.class).orElse("CN")
                .toUpperCase(Locale.ROOT);
    }
}
