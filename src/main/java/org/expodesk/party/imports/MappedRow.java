package org.expodesk.party.imports;

import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One data row put into target fields, checked the way a manual create checks, with its
 * fingerprint: a hash of the normalized values, which says "this very row was imported before".
 */
public record MappedRow(int rowNo, Map<String, String> values, List<FieldError> errors, byte[] fingerprint) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Two-character Chinese family names; any other Chinese full name starts with a one-character one. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里");
    private static final Map<String, Integer> MAX = Map.ofEntries(Map.entry("name", 300), Map.entry("nameLatin", 300),
            Map.entry("shortName", 100), Map.entry("province", 100), Map.entry("city", 100), Map.entry("address", 500),
            Map.entry("website", 300), Map.entry("phone", 50), Map.entry("industry", 100), Map.entry("companySize", 20),
            Map.entry("mainBusiness", 10_000), Map.entry("tags", 2_000), Map.entry("notes", 20_000),
            Map.entry("familyName", 100), Map.entry("givenName", 100), Map.entry("fullName", 200),
            Map.entry("jobTitle", 200), Map.entry("organization", 300), Map.entry("language", 16),
            Map.entry("creditCode", 64), Map.entry("email", 254));

    public String get(String field) {
        return values.get(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Cells by column, each column's target field (null: not imported). */
    static MappedRow of(ImportKind kind, int rowNo, List<String> cells, String[] columns) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.length && i < cells.size(); i++) {
            String value = cells.get(i);
            if (columns[i] != null && value != null && !value.isBlank() && !values.containsKey(columns[i])) {
                values.put(columns[i], SPACES.matcher(value.trim()).replaceAll(" "));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        if (kind == ImportKind.PEOPLE) {
            splitFullName(values);
        }
        check(kind, values, errors);
        return new MappedRow(rowNo, values, errors, errors.isEmpty() ? fingerprint(kind, values) : null);
    }

    /** "王小明" → 王 + 小明; "Mary Ann Smith" → Smith + Mary Ann; "Smith, Mary" → Smith + Mary. */
    static void splitFullName(Map<String, String> values) {
        String full = values.remove("fullName");
        if (full == null || values.containsKey("familyName")) {
            return;
        }
        String family;
        String given;
        int comma = full.indexOf(',');
        if (comma > 0) {
            family = full.substring(0, comma).trim();
            given = full.substring(comma + 1).trim();
        } else if (Character.UnicodeScript.of(full.codePointAt(0)) == Character.UnicodeScript.HAN) {
            String compact = full.replace(" ", "");
            int cut = compact.length() > 2 && COMPOUND_SURNAMES.contains(compact.substring(0, 2)) ? 2 : 1;
            cut = Math.min(cut, compact.length());
            family = compact.substring(0, cut);
            given = compact.substring(cut);
        } else {
            int space = full.lastIndexOf(' ');
            family = space < 0 ? full : full.substring(space + 1);
            given = space < 0 ? "" : full.substring(0, space);
        }
        values.put("familyName", family);
        if (!given.isEmpty() && !values.containsKey("givenName")) {
            values.put("givenName", given);
        }
    }

    private static void check(ImportKind kind, Map<String, String> values, List<FieldError> errors) {
        String required = kind == ImportKind.ORGANIZATIONS ? "name" : "familyName";
        if (values.get(required) == null) {
            errors.add(new FieldError(required, "field_required"));
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            Integer max = MAX.get(e.getKey());
            if (max != null && e.getValue().length() > max) {
                errors.add(new FieldError(e.getKey(), "field_tooLong"));
            }
        }
        String country = values.get("country");
        if (country != null && !COUNTRY.matcher(country).matches()) {
            errors.add(new FieldError("country", "party_countryInvalid"));
        }
        String email = values.get("email");
        if (email != null) {
            if (FieldChecks.isEmail(email.toLowerCase(Locale.ROOT))) {
                values.put("email", email.toLowerCase(Locale.ROOT));
            } else {
                errors.add(new FieldError("email", "user_email_invalid"));
            }
        }
        String website = values.get("website");
        if (website != null) {
            try {
                if (URI.create(website.contains("://") ? website : "https://" + website).getHost() == null) {
                    errors.add(new FieldError("website", "task_linkInvalid"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("website", "task_linkInvalid"));
            }
        }
        String language = values.get("language");
        if (language != null) {
            try {
                new Locale.Builder().setLanguageTag(language.replace('_', '-'));
            } catch (IllformedLocaleException e) {
                errors.add(new FieldError("language", "party_import_languageInvalid"));
            }
        }
    }

    /** SHA-256 over the kind and every field in a fixed order, values NFKC-folded and trimmed. */
    static byte[] fingerprint(ImportKind kind, Map<String, String> values) {
        StringBuilder text = new StringBuilder(kind.name());
        for (String field : kind.fields()) {
            String v = values.get(field);
            text.append('\u001F').append(v == null ? "" : Normalizer.normalize(v, Normalizer.Form.NFKC).trim());
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
