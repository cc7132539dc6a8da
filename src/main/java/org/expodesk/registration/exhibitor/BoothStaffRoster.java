package org.expodesk.registration.exhibitor;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The booth staff of an approved application, within its staff-badge quota: one badge per
 * {@code staff-badge-per-sqm} square metres of the requested booth, at least
 * {@code staff-badge-minimum}, unless staff set the exhibitor's quota by hand.
 */
@ApplicationScoped
@Transactional
public class BoothStaffRoster {

    public record Quota(int quota, int used, boolean overridden) {
    }

    @Inject
    ExhibitorApplications applications;

    @Inject
    ExhibitorConfig config;

    @Inject
    StaffBadges staffBadges;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BoothStaff> of(long applicationId) {
        return BoothStaff.list("applicationId", Sort.ascending("id"), applicationId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Quota quota(ExhibitorApplication a) {
        return new Quota(quotaOf(a), (int) BoothStaff.count("applicationId", a.id), a.staffQuotaOverride != null);
    }

    /** Adds a staff member; 409 when the application is not approved, the quota is used up or the e-mail is there. */
    public BoothStaff add(long applicationId, String name, String email, String role) {
        // the application's row is what keeps two adds at once within the quota
        ExhibitorApplication a = applications.lock(applicationId);
        List<FieldError> errors = new ArrayList<>();
        String n = FieldChecks.text(name, "name", 200, true, errors);
        String e = FieldChecks.text(email, "email", 254, true, errors);
        if (e != null && !FieldChecks.isEmail(e)) {
            errors.add(new FieldError("email", "application_emailInvalid"));
        }
        String r = FieldChecks.text(role, "role", 100, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (a.status != ApplicationStatus.APPROVED) {
            throw ProblemException.conflict("application_notApproved");
        }
        if (BoothStaff.count("applicationId = ?1 and lower(email) = ?2", a.id, e.toLowerCase()) > 0) {
            throw ProblemException.conflict("application_staffDuplicate");
        }
        if (BoothStaff.count("applicationId", a.id) >= quotaOf(a)) {
            throw ProblemException.conflict("application_staffQuotaFull");
        }
        BoothStaff s = new BoothStaff();
        s.applicationId = a.id;
        s.organizationId = a.organizationId;
        s.exhibitionId = a.exhibitionId;
        s.name = n;
        s.email = e;
        s.role = r;
        s.persist();
        staffBadges.issue(s, a);
        return s;
    }

    public void remove(long staffId) {
        BoothStaff s = get(staffId);
        staffBadges.revoke(s);
        s.delete();
    }

    /** What a resend queued: mails, and members skipped because their badge was mailed just now. */
    public record Resent(int queued, int skipped) {
    }

    /**
     * Mails booth staff their badges again: one member ({@code staffId}), or every member holding a
     * valid badge ({@code null}). Takes the application's row lock first, so two clicks at once take
     * turns and the second finds the badges just mailed.
     */
    public Resent resend(long applicationId, Long staffId) {
        ExhibitorApplication a = applications.lock(applicationId);
        List<BoothStaff> members;
        if (staffId != null) {
            BoothStaff s = get(staffId);
            if (s.applicationId != applicationId) {
                throw ProblemException.notFound("Booth staff");
            }
            members = List.of(s);
        } else {
            members = of(applicationId).stream().filter(s -> s.badgeId != null && staffBadges.holdsValidBadge(s)).toList();
        }
        int queued = 0;
        for (BoothStaff s : members) {
            if (staffBadges.resend(s, a)) {
                queued++;
            }
        }
        return new Resent(queued, members.size() - queued);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BoothStaff get(long staffId) {
        BoothStaff s = BoothStaff.findById(staffId);
        if (s == null) {
            throw ProblemException.notFound("Booth staff");
        }
        return s;
    }

    /** Staff set an exhibitor's quota by hand ({@code null}: back to the booth-size rule); never below the staff registered. */
    public Quota override(long applicationId, Integer quota) {
        ExhibitorApplication a = applications.lock(applicationId);
        if (quota != null && (quota < 0 || quota > 1000)) {
            throw ProblemException.invalid("quota", "application_quotaInvalid");
        }
        long used = BoothStaff.count("applicationId", a.id);
        a.staffQuotaOverride = quota;
        if (quotaOf(a) < used) {
            throw ProblemException.conflict("application_quotaBelowStaff");
        }
        return quota(a);
    }


    private int quotaOf(ExhibitorApplication a) {
        if (a.staffQuotaOverride != null) {
            return a.staffQuotaOverride;
        }
        return Math.max(config.staffBadgeMinimum(), a.boothSizeSqm / Math.max(1, config.staffBadgePerSqm()));
    }
}
