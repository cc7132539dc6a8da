package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.Consent;
import org.expodesk.party.Consents;
import org.expodesk.party.People;
import org.expodesk.party.Privacy;

/**
 * Whether a visitor lets exhibitors see who they are: the latest lead-sharing consent record
 * grants it. No record, a refusal, a withdrawal or an erased person: no.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VisitorConsent {

    @Inject
    Consents consents;

    @Inject
    People people;

    public boolean sharesWithExhibitors(long personId) {
        if (Privacy.isErased(people.get(personId))) {
            return false;
        }
        return consents.current(personId).stream()
                .anyMatch(c -> c.purpose == Consent.Purpose.LEAD_SHARING && c.granted);
    }
}
