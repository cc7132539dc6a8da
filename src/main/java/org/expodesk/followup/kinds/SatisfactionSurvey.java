package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.followup.survey.SurveyInvitations;
import org.expodesk.mail.MailKind;
import org.expodesk.mail.Outbox;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The satisfaction survey after the show, to everyone taking part in the edition (attendees only,
 * once check-in exists). Each mail carries the person's own single-use link, issued only when their
 * mail is queued: a second run neither mails them again nor replaces the link they have.
 */
@ApplicationScoped
public class SatisfactionSurvey implements RuleKind {

    static final String PERSON = "personId";

    @Inject
    EditionExhibitors participants;

    @Inject
    SurveyInvitations invitations;

    @Inject
    VisitorAttendance visitors;

    @Inject
    Outbox outbox;

    @Override
    public String key() {
        return "satisfaction-survey";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.MARKETING;
    }

    @Override
    public boolean privateLinks() {
        return true;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = new java.util.HashMap<>(
                MailData.person("Mary Smith", "Sample Trading Ltd.", MailData.sampleEdition()));
        data.put("surveyLink", "https://expo.example.com/survey/sample-token");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        // registered visitors count only when they came: a no-show cannot rate the show
        Set<Long> absent = visitors.absent(exhibition.id);
        List<Person> people = participants.participants(exhibition.id).stream()
                .filter(p -> !absent.contains(p.id)).toList();
        Map<Long, String> names = participants.organizationNames(
                people.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList());
        List<Recipient> recipients = new ArrayList<>(people.size());
        for (Person p : people) {
            Map<String, Object> data = MailData.person(p.displayName(), names.get(p.organizationId), exhibition);
            data.put(PERSON, p.id);
            data.put("surveyLink", "");
            recipients.add(new Recipient(MailData.blankToNull(p.email), Recipient.languageOf(p.language), data));
        }
        return recipients;
    }

    @Override
    public Optional<Map<String, Object>> atQueueing(Exhibition exhibition, Recipient recipient) {
        long personId = ((Number) recipient.data().get(PERSON)).longValue();
        return invitations.issueFirst(exhibition.id, personId)
                .map(issued -> Map.of("surveyLink", outbox.publicLink(issued.link())));
    }
}
