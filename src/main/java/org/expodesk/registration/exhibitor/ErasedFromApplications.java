package org.expodesk.registration.exhibitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.expodesk.party.PersonErased;

/**
 * A person erased on request: an application they were the contact of keeps the company's data
 * and its decisions but not the contact's name, address or phone; as booth staff they keep their
 * place in the quota, nameless (their badge is revoked by the badge package).
 */
@ApplicationScoped
public class ErasedFromApplications {

    static final String ERASED = "[erased]";

    void forget(@Observes PersonErased erased) {
        for (ExhibitorApplication a : ExhibitorApplication.<ExhibitorApplication>list("personId", erased.personId())) {
            a.familyName = ERASED;
            a.givenName = "";
            a.jobTitle = null;
            a.email = "erased-" + a.id + "@erased.invalid";
            a.phone = null;
            a.answer = a.answer == null ? null : ERASED;
        }
        for (BoothStaff s : BoothStaff.<BoothStaff>list("personId", erased.personId())) {
            s.name = ERASED;
            s.email = "erased-" + s.id + "@erased.invalid";
            s.role = null;
        }
    }
}
