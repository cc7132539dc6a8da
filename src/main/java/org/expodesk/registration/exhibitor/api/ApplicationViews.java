package org.expodesk.registration.exhibitor.api;

import org.expodesk.party.Ticket;
import org.expodesk.registration.exhibitor.BoothStaff;
import org.expodesk.registration.exhibitor.BoothStaffRoster;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorProfile;

import java.time.Instant;
import java.util.List;

/** How exhibitor applications, booth staff and profiles look in the API. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    public record ApplicationView(long id, long exhibition, long organization, long person, Long user, String status,
                                  String legalName, String nameLatin, String creditCode, String country, String city,
                                  String address, String website, String companyPhone, String industry,
                                  List<String> categories, String familyName, String givenName, String jobTitle,
                                  String email, String phone, String language, int boothSizeSqm, String boothType,
                                  String termsVersion, Instant submittedAt, Instant confirmedAt, String question,
                                  String answer, String decisionReason, String decidedBy, Instant decidedAt,
                                  long version) {

        public static ApplicationView of(ExhibitorApplication a) {
            return new ApplicationView(a.id, a.exhibitionId, a.organizationId, a.personId, a.userId, a.status.name(),
                    a.legalName, a.nameLatin, a.creditCode, a.country, a.city, a.address, a.website, a.companyPhone,
                    a.industry, a.categories == null ? List.of() : List.of(a.categories.split(",")), a.familyName,
                    a.givenName, a.jobTitle, a.email, a.phone, a.language, a.boothSizeSqm, a.boothType.name(),
                    a.termsVersion, a.createdAt, a.confirmedAt, a.question, a.answer, a.decisionReason, a.decidedBy,
                    a.decidedAt, a.version);
        }
    }

    public record StaffView(long id, long application, String name, String email, String role, Long badge) {

        public static StaffView of(BoothStaff s) {
            return new StaffView(s.id, s.applicationId, s.name, s.email, s.role, s.badgeId);
        }
    }

    public record StaffList(List<StaffView> items, int total, int quota, boolean quotaOverridden) {

        public static StaffList of(List<BoothStaff> staff, BoothStaffRoster.Quota quota) {
            return new StaffList(staff.stream().map(StaffView::of).toList(), staff.size(), quota.quota(),
                    quota.overridden());
        }
    }

    public record ProfileView(long organization, String descriptionEn, String descriptionZh, String website,
                              String logo, long version) {

        public static ProfileView of(long organizationId, ExhibitorProfile p) {
            if (p == null) {
                return new ProfileView(organizationId, null, null, null, null, 0);
            }
            return new ProfileView(organizationId, p.descriptionEn, p.descriptionZh, p.website,
                    p.logoChangedAt == null ? null : "/api/exhibitors/" + organizationId + "/profile/logo.png",
                    p.version);
        }
    }

    /** A service ticket as its exhibitor sees it (without the staff's assignee). */
    public record TicketView(long id, Long exhibition, String kind, String priority, String summary,
                             String description, String status, String resolution, Instant slaDueAt,
                             Instant createdAt) {

        public static TicketView of(Ticket t) {
            return new TicketView(t.id, t.exhibitionId, t.kind.name(), t.priority.name(), t.summary, t.description,
                    t.status.name(), t.resolution, t.slaDueAt, t.createdAt);
        }
    }

    public record Page<T>(List<T> items, long total) {
    }
}
