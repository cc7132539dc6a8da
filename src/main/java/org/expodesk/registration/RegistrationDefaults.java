package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.EditionCreated;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every edition's registration starts with the window from its creation to the end of its closing
 * day and the five default categories; an edition made from another takes that one's categories
 * and questions instead. Editions older than registration get theirs on first use.
 */
@ApplicationScoped
public class RegistrationDefaults {

    /** code, English, Chinese, colour, verification required, invitation required. */
    private record DefaultCategory(String code, String labelEn, String labelZh, String colour, boolean verification,
                                   boolean invitation) {
    }

    static final List<DefaultCategory> CATEGORIES = List.of(
            new DefaultCategory("BUYER", "Trade buyer", "专业买家", "#1f6feb", true, false),
            new DefaultCategory("PROFESSIONAL", "Professional visitor", "专业观众", "#2da44e", false, false),
            new DefaultCategory("VISITOR", "Visitor", "普通观众", "#8c959f", false, false),
            new DefaultCategory("PRESS", "Press", "媒体", "#d4a72c", false, false),
            new DefaultCategory("VIP", "VIP", "贵宾", "#cf222e", false, true));

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Clock clock;

    @Inject
    RegistrationDefaults self;

    @Inject
    PlaceCounters counters;

    /**
     * The editions whose settings are stored (committed): settings are never deleted, so a public
     * registration asks the database once per edition and node, not on every submit.
     */
    private final Set<Long> ensured = ConcurrentHashMap.newKeySet();

    void editionCreated(@Observes EditionCreated created) {
        create(exhibitions.get(created.exhibitionId()), created.copiedFrom());
    }

    /**
     * Makes sure an edition has its settings, in a transaction of its own (a concurrent first use
     * may win). Outside the caller's transaction: call it before that one reads anything, or its
     * snapshot would not see the new rows.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void ensure(long exhibitionId) {
        if (ensured.contains(exhibitionId)) {
            return;
        }
        if (RegistrationSettings.count("exhibitionId", exhibitionId) == 0) {
            try {
                self.createMissing(exhibitionId);
            } catch (RuntimeException raced) {
                if (RegistrationSettings.count("exhibitionId", exhibitionId) == 0) {
                    throw raced;
                }
            }
        }
        ensured.add(exhibitionId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void createMissing(long exhibitionId) {
        if (RegistrationSettings.count("exhibitionId", exhibitionId) == 0) {
            create(exhibitions.get(exhibitionId), null);
        }
    }

    private void create(Exhibition exhibition, Long copiedFrom) {
        RegistrationSettings settings = new RegistrationSettings();
        settings.exhibitionId = exhibition.id;
        settings.opensAt = Instant.now(clock);
        settings.closesAt = endOfClosingDay(exhibition);
        RegistrationSettings source = copiedFrom == null ? null
                : RegistrationSettings.<RegistrationSettings>find("exhibitionId", copiedFrom).firstResult();
        if (source != null) {
            settings.allowedDomains = source.allowedDomains;
            copyCategories(copiedFrom, exhibition);
        } else {
            int order = 0;
            for (DefaultCategory d : CATEGORIES) {
                RegistrationCategory c = new RegistrationCategory();
                c.exhibitionId = exhibition.id;
                c.code = d.code();
                c.labelEn = d.labelEn();
                c.labelZh = d.labelZh();
                c.colour = d.colour();
                c.verificationRequired = d.verification();
                c.invitationRequired = d.invitation();
                c.sortOrder = order += 10;
                c.persist();
                counters.prepare(c, exhibition.opensOn, exhibition.closesOn);
            }
        }
        settings.persist();
    }

    static Instant endOfClosingDay(Exhibition exhibition) {
        return exhibition.closesOn.plusDays(1).atStartOfDay(ZoneId.of(exhibition.timezone)).toInstant();
    }

    private void copyCategories(long fromExhibition, Exhibition to) {
        long toExhibition = to.id;
        for (RegistrationCategory from : RegistrationCategory.<RegistrationCategory>list("exhibitionId", fromExhibition)) {
            RegistrationCategory c = new RegistrationCategory();
            c.exhibitionId = toExhibition;
            c.code = from.code;
            c.labelEn = from.labelEn;
            c.labelZh = from.labelZh;
            c.colour = from.colour;
            c.verificationRequired = from.verificationRequired;
            c.invitationRequired = from.invitationRequired;
            c.capacity = from.capacity;
            c.capacityPerDay = from.capacityPerDay;
            // the days were the other edition's
            c.daysSelectable = from.daysSelectable;
            c.sortOrder = from.sortOrder;
            c.enabled = from.enabled;
            c.persist();
            counters.prepare(c, to.opensOn, to.closesOn);
            for (RegistrationQuestion q : RegistrationQuestion.<RegistrationQuestion>list("categoryId", from.id)) {
                RegistrationQuestion copy = RegistrationQuestion.askingAs(q);
                copy.categoryId = c.id;
                copy.persist();
            }
        }
    }
}
