package org.expodesk.followup.kinds;

import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind.Recipient;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The template data the kinds share: names, the edition, and lines of a list. */
public final class MailData {

    /** One line of a listing mail (an organization, a follow-up, a task). */
    public record Line(String text, String day, String url, boolean overdue) {
    }

    private MailData() {
    }

    /** {@code name}, {@code organization}, {@code exhibition}, {@code city}, {@code opensOn}, {@code closesOn}. */
    static Map<String, Object> person(String name, String organization, Exhibition e) {
        Map<String, Object> data = new HashMap<>(edition(e));
        data.put("name", name);
        data.put("organization", organization == null ? "" : organization);
        return data;
    }

    static Map<String, Object> edition(Exhibition e) {
        Map<String, Object> data = new HashMap<>();
        data.put("exhibition", e.name);
        data.put("city", e.city);
        data.put("opensOn", e.opensOn.toString());
        data.put("closesOn", e.closesOn.toString());
        return data;
    }

    static Exhibition sampleEdition() {
        Exhibition e = new Exhibition();
        e.name = "Sample Expo 2027";
        e.city = "Shanghai";
        e.opensOn = LocalDate.of(2027, 6, 14);
        e.closesOn = LocalDate.of(2027, 6, 17);
        return e;
    }

    static List<Recipient> people(List<Person> people, Map<Long, String> organizationNames, Exhibition e,
                                  Map<String, Object> extra, java.util.Set<Long> refusing) {
        return people.stream().map(p -> {
            Map<String, Object> data = person(p.displayName(), organizationNames.get(p.organizationId), e);
            data.putAll(extra);
            return new Recipient(blankToNull(p.email), Recipient.languageOf(p.language), data, refusing.contains(p.id));
        }).toList();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
