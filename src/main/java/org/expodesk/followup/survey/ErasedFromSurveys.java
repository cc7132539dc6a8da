package org.expodesk.followup.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.expodesk.party.PersonErased;

/**
 * A person erased on request keeps their scores, which name nobody and still count in the results,
 * but loses their comments, which may name anyone; a link not yet used stops working.
 */
@ApplicationScoped
public class ErasedFromSurveys {

    void forget(@Observes PersonErased erased) {
        SurveyAnswer.update("comment = null where personId = ?1", erased.personId());
        SurveyInvitation.delete("personId = ?1 and answeredAt is null", erased.personId());
    }
}
