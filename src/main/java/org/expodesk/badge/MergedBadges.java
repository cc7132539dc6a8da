package org.expodesk.badge;

import jakarta.enterprise.context.ApplicationScoped;
import org.expodesk.party.dedup.MergedRecords;

import java.util.List;

/**
 * A merged person's badges go to the survivor, except a valid badge of an edition the survivor holds
 * a valid badge of already (one valid badge per person and edition): that one stays with the
 * duplicate for staff to revoke. A merged organization's badges go to the survivor.
 */
@ApplicationScoped
public class MergedBadges implements MergedRecords {

    @Override
    public List<Rows> ofPerson() {
        return List.of(new Rows("badge", "badge", "person_id", "t.state = 'VALID' AND EXISTS (SELECT 1 FROM badge o"
                + " WHERE o.person_id = ?2 AND o.exhibition_id = t.exhibition_id AND o.state = 'VALID')"));
    }

    @Override
    public List<Rows> ofOrganization() {
        return List.of(new Rows("badge", "badge", "organization_id", null));
    }
}
