package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.mail.Outbox;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Before the show, the invitation to register to last edition's visitors, buyers and press who have
 * not registered for this one (no part in it yet). It is marketing: an unsubscribe link, and those
 * whose latest marketing consent is withdrawn are counted, not mailed.
 */
@ApplicationScoped
public class RegistrationReminder implements RuleKind {

    @Inject
    ExhibitionService exhibitions;

    @Inject
    EditionExhibitors parties;

    @Inject
    Consents consents;

    @Inject
    Outbox outbox;

    @Override
    public String key() {
        return "registration-reminder";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.MARKETING;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Li Ming", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("lastExhibition", "Sample Expo 2026");
        data.put("registerUrl", "https://expo.example.com/register/SAMPLE27");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        return exhibitions.previousEdition(exhibition.id).map(previous -> {
            Set<Long> takingPart = parties.participants(exhibition.id).stream().map(p -> p.id).collect(Collectors.toSet());
            List<Person> lapsed = parties.visitors(previous.id).stream().filter(p -> !takingPart.contains(p.id)).toList();
            Map<Long, String> names = parties.organizationNames(
                    lapsed.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList());
            return MailData.people(lapsed, names, exhibition, Map.of("lastExhibition", previous.name,
                            "registerUrl", outbox.publicLink("/register/" + exhibition.code)),
                    consents.refusing(Consent.Purpose.MARKETING, lapsed.stream().map(p -> p.id).toList()));
        }).orElse(List.of());
    }
}
