package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.followup.RuleKind.Recipient;
import org.expodesk.registration.exhibitor.ApplicationStatus;
import org.expodesk.registration.exhibitor.ExhibitorApplication;
import org.expodesk.registration.exhibitor.ExhibitorApplications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The exhibitors of an edition as before-the-show mails reach them: the contact person of each
 * approved application, in the language they applied in, and its exhibitor account when that has
 * another address (changed since), in the account's language.
 */
@ApplicationScoped
class ApprovedExhibitors {

    @Inject
    ExhibitorApplications applications;

    @Inject
    UserService users;

    List<ExhibitorApplication> of(long exhibitionId) {
        return applications.ofEdition(exhibitionId, ApplicationStatus.APPROVED).stream()
                .sorted(java.util.Comparator.comparing(a -> a.id)).toList();
    }

    /**
     * The contact's mail with {@code name}, {@code organization} and the edition's fields, and
     * {@code extra}; and the exhibitor account's, when it is enabled and has another address.
     */
    List<Recipient> of(ExhibitorApplication a, Exhibition exhibition, Map<String, Object> extra, String occasion) {
        List<Recipient> recipients = new ArrayList<>(2);
        recipients.add(recipient(a.contactName(), address(a), a.language, a, exhibition, extra, occasion));
        if (a.userId != null) {
            UserAccount account = users.get(a.userId);
            String email = MailData.blankToNull(account.email);
            if (account.enabled && email != null && !email.equalsIgnoreCase(a.email)) {
                recipients.add(recipient(account.displayName, email, account.locale, a, exhibition, extra, occasion));
            }
        }
        return recipients;
    }

    private static Recipient recipient(String name, String address, String language, ExhibitorApplication a,
                                       Exhibition exhibition, Map<String, Object> extra, String occasion) {
        Map<String, Object> data = MailData.person(name, a.legalName, exhibition);
        data.putAll(extra);
        return new Recipient(address, Recipient.languageOf(language), data, false, occasion);
    }

    /** An erased contact's placeholder address (…@erased.invalid) is no address. */
    private static String address(ExhibitorApplication a) {
        String email = MailData.blankToNull(a.email);
        return email == null || email.endsWith(".invalid") ? null : email;
    }
}
