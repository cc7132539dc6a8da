package org.expodesk.registration;

import jakarta.enterprise.context.ApplicationScoped;
import org.expodesk.party.dedup.MergedRecords;

import java.util.List;

/**
 * A merged person's registrations, personal invitation codes, exhibitor applications (as the
 * contact) and booth-staff places go to the survivor, except a registration of an edition the
 * survivor is registered for already (one per person and edition) and an invitation to a category
 * the survivor was invited to already, which stay with the duplicate. A merged organization's
 * registrations, applications and exhibitor profile go too, the profile unless the survivor has one.
 */
@ApplicationScoped
public class MergedRegistrations implements MergedRecords {

    @Override
    public List<Rows> ofPerson() {
        return List.of(
                new Rows("registration", "registration", "person_id", "EXISTS (SELECT 1 FROM registration o"
                        + " WHERE o.person_id = ?2 AND o.exhibition_id = t.exhibition_id)"),
                new Rows("invitation", "registration_invitation", "person_id", "EXISTS (SELECT 1"
                        + " FROM registration_invitation o WHERE o.person_id = ?2 AND o.exhibition_id = t.exhibition_id"
                        + " AND o.category_id = t.category_id)"),
                new Rows("exhibitorApplication", "exhibitor_application", "person_id", null),
                new Rows("boothStaff", "booth_staff", "person_id", null));
    }

    @Override
    public List<Rows> ofOrganization() {
        return List.of(
                new Rows("registration", "registration", "organization_id", null),
                new Rows("exhibitorApplication", "exhibitor_application", "organization_id", null),
                new Rows("exhibitorProfile", "exhibitor_profile", "organization_id",
                        "EXISTS (SELECT 1 FROM exhibitor_profile o WHERE o.organization_id = ?2)"));
    }
}
