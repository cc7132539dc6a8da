package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.expodesk.party.PersonErased;

/**
 * A person erased on request: their registrations keep category, days and status (capacity and
 * counts stay right) but lose the address and the answers, which may say anything about them.
 */
@ApplicationScoped
public class ErasedFromRegistrations {

    void forget(@Observes PersonErased erased) {
        for (Registration r : Registration.<Registration>list("personId", erased.personId())) {
            r.email = "erased-" + r.id + "@erased.invalid";
            r.answers = null;
            r.country = null;
        }
    }
}
