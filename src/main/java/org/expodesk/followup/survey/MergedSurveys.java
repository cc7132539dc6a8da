package org.expodesk.followup.survey;

import jakarta.enterprise.context.ApplicationScoped;
import org.expodesk.party.dedup.MergedRecords;

import java.util.List;

/**
 * A merged person's survey invitations and answers go to the survivor, except an invitation of an
 * edition the survivor was invited to already (one per person and edition), and with it its answer;
 * a merged organization's go to the survivor.
 */
@ApplicationScoped
public class MergedSurveys implements MergedRecords {

    @Override
    public List<Rows> ofPerson() {
        return List.of(
                new Rows("surveyInvitation", "survey_invitation", "person_id", "EXISTS (SELECT 1 FROM survey_invitation o"
                        + " WHERE o.person_id = ?2 AND o.exhibition_id = t.exhibition_id)"),
                // after the invitations: an answer follows its invitation
                new Rows("surveyAnswer", "survey_answer", "person_id", "EXISTS (SELECT 1 FROM survey_invitation i"
                        + " WHERE i.id = t.invitation_id AND i.person_id <> ?2)"));
    }

    @Override
    public List<Rows> ofOrganization() {
        return List.of(
                new Rows("surveyInvitation", "survey_invitation", "organization_id", null),
                new Rows("surveyAnswer", "survey_answer", "organization_id", null));
    }
}
