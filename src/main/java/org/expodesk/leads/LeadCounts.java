package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.party.EditionExhibitors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lead counts for staff and follow-up mails: per exhibitor of an edition, the exhibitors that took
 * none included. Counts only, never what a lead says.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LeadCounts {

    @Inject
    Leads leads;

    @Inject
    EditionExhibitors exhibitors;

    public record ExhibitorCount(long organizationId, String organization, long leads) {
    }

    public long leadCount(long organizationId, long exhibitionId) {
        return leads.leadCount(organizationId, exhibitionId);
    }

    /** Lead counts by organization id, for the edition's organizations that took any. */
    public Map<Long, Long> leadCounts(long exhibitionId) {
        return leads.leadCounts(exhibitionId);
    }

    /** Every exhibiting organization of the edition by name, with its count (zero included). */
    public List<ExhibitorCount> perExhibitor(long exhibitionId) {
        Map<Long, Long> counts = leads.leadCounts(exhibitionId);
        List<ExhibitorCount> rows = new ArrayList<>();
        exhibitors.organizations(exhibitionId).forEach(o ->
                rows.add(new ExhibitorCount(o.id, o.name, counts.getOrDefault(o.id, 0L))));
        return rows;
    }
}
