package org.expodesk.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A small set of codes (zones, categories) kept as one comma-separated column, sorted. */
@Converter
public class CodeSetConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> codes) {
        return codes == null ? "" : String.join(",", new TreeSet<>(codes));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return new TreeSet<>();
        }
        return Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Codes as typed ("buyer, vip") made canonical: upper case, sorted, no repeats. */
    public static SortedSet<String> normalize(java.util.Collection<String> typed) {
        SortedSet<String> codes = new TreeSet<>();
        if (typed != null) {
            for (String code : typed) {
                if (code != null && !code.isBlank()) {
                    codes.add(code.trim().toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return codes;
    }

    /** Codes typed in one field, separated by commas or spaces. */
    public static SortedSet<String> parse(String typed) {
        return normalize(typed == null ? Set.of() : Arrays.asList(typed.split("[,\\s]+")));
    }

    /** Whether every code is 1 to 32 letters, digits, '-' or '_' (the column holds 500 characters). */
    public static boolean valid(Set<String> codes) {
        return codes.size() <= 15 && codes.stream().allMatch(c -> c.matches("[A-Z0-9_-]{1,32}"));
    }
}
