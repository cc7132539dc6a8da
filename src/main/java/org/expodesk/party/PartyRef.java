package org.expodesk.party;

import org.expodesk.platform.problem.ProblemException;

import java.util.Locale;

/**
 * A reference to an organization or a person, as clients write it: {@code organization:12} or
 * {@code person:5}.
 */
public record PartyRef(Kind kind, long id) {

    public enum Kind { ORGANIZATION, PERSON }

    public static PartyRef parse(String value, String field) {
        if (value != null) {
            String[] parts = value.trim().split(":", 2);
            if (parts.length == 2 && parts[1].matches("\\d{1,18}")) {
                switch (parts[0].toLowerCase(Locale.ROOT)) {
                    case "organization":
                        return new PartyRef(Kind.ORGANIZATION, Long.parseLong(parts[1]));
                    case "person":
                        return new PartyRef(Kind.PERSON, Long.parseLong(parts[1]));
                    default:
                        break;
                }
            }
        }
        throw ProblemException.invalid(field, "party_refInvalid");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
