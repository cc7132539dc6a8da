package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.badge.Badge;
import org.expodesk.party.Contacts;
import org.expodesk.party.InteractionKind;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Person;

/**
 * A new lead becomes history in the customer database, for follow-up: a visit on the visitor and
 * a note on the exhibitor organization. Only with the visitor's consent to share with exhibitors.
 */
@ApplicationScoped
class LeadInteractions {

    @Inject
    Contacts contacts;

    @Inject
    People people;

    @Inject
    Organizations organizations;

    @Inject
    VisitorConsent consent;

    void scanned(Lead lead, Badge badge) {
        Person visitor = people.get(lead.personId);
        if (visitor.mergedInto != null || !consent.sharesWithExhibitors(lead.personId)) {
            return;
        }
        String exhibitor = organizations.get(lead.organizationId).name;
        contacts.record(new PartyRef(PartyRef.Kind.PERSON, visitor.id), InteractionKind.VISIT.name(),
                lead.firstScannedAt, cut("Visited the booth of " + exhibitor + " (lead scan, badge " + badge.id + ")"),
                null, null, null);
        // no name on the exhibitor's side: that note would outlive a withdrawn consent or an erasure of the visitor
        contacts.record(new PartyRef(PartyRef.Kind.ORGANIZATION, lead.organizationId), InteractionKind.NOTE.name(),
                lead.firstScannedAt, cut("Lead scanned at the booth: badge " + badge.id + " (" + badge.categoryCode
                        + ")"), null, null, null);
    }

    private static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
