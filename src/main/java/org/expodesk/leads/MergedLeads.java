package org.expodesk.leads;

import jakarta.enterprise.context.ApplicationScoped;
import org.expodesk.party.dedup.MergedRecords;

import java.util.List;

/**
 * A merged visitor's leads go to the survivor, and a merged exhibitor's leads, scans and qualifying
 * questions to the surviving company; a lead stays with the duplicate where the survivor has one of
 * the same exhibitor and edition already (one lead per visitor), and its scans stay with it.
 */
@ApplicationScoped
public class MergedLeads implements MergedRecords {

    @Override
    public List<Rows> ofPerson() {
        return List.of(new Rows("lead", "lead", "person_id", "EXISTS (SELECT 1 FROM lead o WHERE o.person_id = ?2"
                + " AND o.organization_id = t.organization_id AND o.exhibition_id = t.exhibition_id)"));
    }

    @Override
    public List<Rows> ofOrganization() {
        return List.of(
                new Rows("lead", "lead", "organization_id", "EXISTS (SELECT 1 FROM lead o WHERE o.organization_id = ?2"
                        + " AND o.person_id = t.person_id AND o.exhibition_id = t.exhibition_id)"),
                // after the leads: a scan follows its lead
                new Rows("leadScan", "lead_scan", "organization_id", "EXISTS (SELECT 1 FROM lead l"
                        + " WHERE l.id = t.lead_id AND l.organization_id <> ?2) OR EXISTS (SELECT 1 FROM lead_scan o"
                        + " WHERE o.organization_id = ?2 AND o.scan_id = t.scan_id)"),
                new Rows("leadQuestion", "lead_question", "organization_id", null));
    }
}
