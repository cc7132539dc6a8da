package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind.Recipient;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;

import java.util.List;
import java.util.Map;

/**
 * The exhibitors of an edition as before-the-show mails reach them: the contact person of each
 * approved application (who holds the exhibitor account), in the language they applied in.
 */
@ApplicationScoped
class ApprovedExhibitors {

    @Inject
    ExhibitorApplications applications;

    List<ExhibitorApplication> of(long exhibitionId) {
        return applications.ofEdition(exhibitionId, ApplicationStatus.APPROVED).stream()
                .sorted(java.util.Comparator.comparing(a -> a.id)).toList();
    }

    /** The contact's mail with {@code name}, {@code organization} and the edition's fields, and {@code extra}. */
    Recipient contact(ExhibitorApplication a, Exhibition exhibition, Map<String, Object> extra, String occasion) {
        Map<String, Object> data = MailData.person(a.contactName(), a.legalName, exhibition);
        data.putAll(extra);
        return new Recipient(address(a), Recipient.languageOf(a.language), data, false, occasion);
    }

    /** An erased contact's placeholder address (…@erased.invalid) is no address. */
    private static String address(ExhibitorApplication a) {
        String email = MailData.blankToNull(a.email);
        return email == null || email.endsWith(".invalid") ? null : email;
    }
}
