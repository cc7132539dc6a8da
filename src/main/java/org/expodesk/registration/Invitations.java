package org.expodesk.registration;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Invitation codes that staff make in bulk for a category (docs/registration.md). */
@ApplicationScoped
@Transactional
public class Invitations {

    static final int MAX_BATCH = 5000;
    // no 0/O, 1/I/L: codes are typed from paper
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code count} codes for {@code category}, each usable {@code uses} times. */
    public record NewInvitations(String category, Integer count, Integer uses, Boolean waivesVerification,
                                 String note) {
    }

    @Inject
    RegistrationSetup setup;

    public List<Invitation> create(long exhibitionId, NewInvitations r) {
        List<FieldError> errors = new ArrayList<>();
        RegistrationCategory category = null;
        if (r.category() == null || r.category().isBlank()) {
            errors.add(new FieldError("category", "field_required"));
        } else {
            category = RegistrationCategory.<RegistrationCategory>find("exhibitionId = ?1 and code = ?2", exhibitionId,
                    r.category().trim().toUpperCase(Locale.ROOT)).firstResult();
            if (category == null) {
                errors.add(new FieldError("category", "registration_categoryUnknown"));
            }
        }
        int count = r.count() == null ? 1 : r.count();
        if (count < 1 || count > MAX_BATCH) {
            errors.add(new FieldError("count", "registration_countRange"));
        }
        int uses = r.uses() == null ? 1 : r.uses();
        if (uses < 1 || uses > 100_000) {
            errors.add(new FieldError("uses", "registration_usesRange"));
        }
        String note = FieldChecks.text(r.note(), "note", 200, false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Invitation> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Invitation invitation = new Invitation();
            invitation.exhibitionId = exhibitionId;
            invitation.categoryId = category.id;
            invitation.code = newCode();
            invitation.usesAllowed = uses;
            invitation.waivesVerification = Boolean.TRUE.equals(r.waivesVerification());
            invitation.note = note;
            invitation.persist();
            made.add(invitation);
        }
        return made;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invitation> of(long exhibitionId) {
        setup.settings(exhibitionId);
        return Invitation.list("exhibitionId", Sort.descending("id"), exhibitionId);
    }

    /** Ten characters of 31: 8 * 10^14 codes, so a guess, rate limited, finds none. */
    static String newCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
