package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.Contacts;
import org.expodesk.party.ParticipationRole;
import org.expodesk.party.PartyRef;
import org.expodesk.platform.problem.ProblemException;

/** Leads are taken only at an edition the organization exhibits at; any other is not found for it. */
@ApplicationScoped
public class Exhibiting {

    @Inject
    Contacts contacts;

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean at(long organizationId, long exhibitionId) {
        return contacts.participationsOf(new PartyRef(PartyRef.Kind.ORGANIZATION, organizationId)).stream()
                .anyMatch(p -> p.exhibitionId == exhibitionId && p.role == ParticipationRole.EXHIBITOR);
    }

    /** Ids of the editions the organization exhibits at, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<Long> editionsOf(long organizationId) {
        return contacts.participationsOf(new PartyRef(PartyRef.Kind.ORGANIZATION, organizationId)).stream()
                .filter(p -> p.role == ParticipationRole.EXHIBITOR).map(p -> p.exhibitionId).distinct().toList();
    }

    public void require(long organizationId, long exhibitionId) {
        if (!at(organizationId, exhibitionId)) {
            throw ProblemException.notFound("Exhibition");
        }
    }
}
