package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.badge.Badge;
import org.expodesk.badge.BadgeState;
import org.expodesk.badge.Badges;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailKind;
import org.expodesk.mail.Outbox;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * "Bring your badge", a few days before opening, to the registered visitors, buyers and press who
 * hold a valid badge of the edition, with a link to their badge's PDF. The link is a new download
 * token made only when the mail is queued (the one in the confirmation mail stops working), so a
 * second run neither mails them again nor replaces the link they got.
 */
@ApplicationScoped
public class BadgeReminder implements RuleKind {

    static final String BADGE = "badgeId";
    private static final int PAGE = 1000;

    @Inject
    EditionExhibitors parties;

    @Inject
    Badges badges;

    @Inject
    Outbox outbox;

    @Override
    public String key() {
        return "badge-reminder";
    }

    @Override
    public MailKind mailKind() {
        return MailKind.TRANSACTIONAL;
    }

    @Override
    public boolean privateLinks() {
        return true;
    }

    @Override
    public Map<String, Object> sampleData() {
        Map<String, Object> data = MailData.person("Li Ming", "Sample Trading Ltd.", MailData.sampleEdition());
        data.put("category", "Buyer");
        data.put("badgeLink", "https://expo.example.com/badges/sample-token.pdf");
        return data;
    }

    @Override
    public List<Recipient> recipients(Exhibition exhibition, LocalDate day) {
        Map<Long, Badge> valid = validBadgesByHolder(exhibition.id);
        List<Person> holders = parties.visitors(exhibition.id).stream().filter(p -> valid.containsKey(p.id)).toList();
        Map<Long, String> names = parties.organizationNames(
                holders.stream().map(p -> p.organizationId).filter(Objects::nonNull).distinct().toList());
        List<Recipient> recipients = new ArrayList<>(holders.size());
        for (Person p : holders) {
            Badge badge = valid.get(p.id);
            Map<String, Object> data = MailData.person(p.displayName(), names.get(p.organizationId), exhibition);
            data.put(BADGE, badge.id);
            data.put("category", badge.categoryLabel == null ? "" : badge.categoryLabel);
            data.put("badgeLink", "");
            recipients.add(new Recipient(MailData.blankToNull(p.email), Recipient.languageOf(p.language), data));
        }
        return recipients;
    }

    /** The link is made here, in the queueing transaction; a badge revoked since is not mailed. */
    @Override
    public Optional<Map<String, Object>> atQueueing(Exhibition exhibition, Recipient recipient) {
        long badgeId = ((Number) recipient.data().get(BADGE)).longValue();
        if (badges.state(badgeId).filter(s -> s == BadgeState.VALID).isEmpty()) {
            return Optional.empty();
        }
        String token = badges.renewAccessToken(badgeId);
        return Optional.of(Map.of("badgeLink", outbox.publicLink(Badges.publicPdfPath(token))));
    }

    private Map<Long, Badge> validBadgesByHolder(long exhibitionId) {
        Map<Long, Badge> byHolder = new HashMap<>();
        Badges.Filter filter = new Badges.Filter(BadgeState.VALID, null, null);
        for (int page = 0; ; page++) {
            List<Badge> items = badges.listOf(exhibitionId, filter, page, PAGE).items();
            items.stream().filter(b -> b.personId != null).forEach(b -> byHolder.put(b.personId, b));
            if (items.size() < PAGE) {
                return byHolder;
            }
        }
    }
}
