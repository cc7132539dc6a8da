package org.expodesk.account;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.audit.AuditAction;
import org.expodesk.audit.AuditLog;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Staff accounts: creating them, choosing and changing passwords, languages, disabling. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    @Inject
    Clock clock;

    @Inject
    AuthConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    CredentialService credentials;

    @Inject
    AuditLog audit;

    @Inject
    SignInService signIn;

    @Inject
    jakarta.enterprise.inject.Instance<OrganizationDirectory> organizations;

    /** What a new account needs; the password is chosen by its owner through the setup link. */
    public record NewUser(String username, String displayName, String email, Role role, Long organizationId) {
    }

    public record Created(UserAccount user, IssuedSecret setupLink) {
    }

    public Created create(NewUser request) {
        List<FieldError> errors = new ArrayList<>();
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "user_username_invalid"));
        } else if (UserAccount.findByUsername(username).isPresent()) {
            errors.add(new FieldError("username", "user_username_taken"));
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 200) {
            errors.add(new FieldError("displayName", "user_displayName_required"));
        }
        if (request.email() != null && !request.email().isBlank() && !FieldChecks.isEmail(request.email().trim())) {
            errors.add(new FieldError("email", "user_email_invalid"));
        }
        if (request.role() == null) {
            errors.add(new FieldError("role", "user_role_required"));
        } else if (request.role() == Role.EXHIBITOR && (request.organizationId() == null
                || organizations.stream().noneMatch(d -> d.exists(request.organizationId())))) {
            errors.add(new FieldError("organizationId", "user_organization_required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UserAccount user = new UserAccount();
        user.username = username;
        user.displayName = request.displayName().trim();
        user.email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        user.role = request.role();
        user.organizationId = request.role() == Role.EXHIBITOR ? request.organizationId() : null;
        user.persist();
        return new Created(user, issueSetupLink(user));
    }

    /** A fresh one-time link to choose a password; earlier links of the user stop working. */
    public IssuedSecret issueSetupLink(UserAccount user) {
        credentials.revokeAll(user.id, CredentialKind.SETUP, null);
        IssuedSecret link = credentials.issue(user, CredentialKind.SETUP, "setup", config.setupLinkLifetime());
        audit.record(AuditAction.SETUP_LINK_ISSUED, "UserAccount", user.id.toString(), null);
        return link;
    }

    public IssuedSecret issueSetupLink(long userId) {
        return issueSetupLink(get(userId));
    }

    /** Sets the password through a setup link. Refuses a weak one without using the link up. */
    public UserAccount completeSetup(String secret, String password) {
        if (!credentials.isValidSetupLink(secret)) {
            throw ProblemException.notFound("Setup link");
        }
        UserAccount user = credentials.redeemSetupLink(secret).orElseThrow(() -> ProblemException.notFound("Setup link"));
        requireAcceptable(password, user);
        setPassword(user, password, null);
        return user;
    }

    /** Checks the password against the policy without changing anything; for forms. */
    public Optional<PasswordPolicy.Refusal> checkPassword(String password, String username, String displayName) {
        return policy.check(password, username, displayName);
    }

    /**
     * Changes the user's own password. Every other session, every API token and any setup link
     * of the user ends: a stolen cookie or token is dead after the change. A wrong current password
     * counts as a failed sign-in, so a hijacked session cannot guess it at leisure.
     */
    public void changePassword(long userId, String currentPassword, String newPassword, long keepCredentialId) {
        UserAccount user = get(userId);
        if (user.isLockedAt(Instant.now(clock))) {
            throw ProblemException.invalid("currentPassword", "password_locked");
        }
        if (!hasher.matches(currentPassword, user.passwordHash)) {
            boolean locked = signIn.passwordGuessFailed(userId, "wrong current password when changing it");
            throw ProblemException.invalid("currentPassword", locked ? "password_locked" : "password_currentWrong");
        }
        requireAcceptable(newPassword, user);
        setPassword(user, newPassword, keepCredentialId);
    }

    /** The first administrator's password from the environment, checked like any other. */
    void setInitialPassword(UserAccount user, String password) {
        requireAcceptable(password, user);
        setPassword(user, password, null);
    }

    public void setLocale(long userId, String locale) {
        if (locale != null && !LANGUAGES.contains(locale)) {
            throw ProblemException.invalid("locale", "user_locale_unsupported");
        }
        get(userId).locale = locale;
    }

    public void setEnabled(long userId, boolean enabled, long actingUserId) {
        if (userId == actingUserId && !enabled) {
            throw ProblemException.unprocessable("You cannot disable your own account");
        }
        UserAccount user = get(userId);
        user.enabled = enabled;
        if (!enabled) {
            credentials.revokeAll(user.id, CredentialKind.SESSION, null);
            credentials.revokeAll(user.id, CredentialKind.API_TOKEN, null);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserAccount get(long userId) {
        UserAccount user = UserAccount.findById(userId);
        if (user == null) {
            throw ProblemException.notFound("User");
        }
        return user;
    }

    /**
     * A staff member (STAFF or ADMIN, enabled) named by user id or user name, for features that
     * assign work to people; empty if there is no such staff member.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserAccount> findStaff(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.trim();
        Optional<UserAccount> user = ref.matches("\\d{1,18}") ? UserAccount.findByIdOptional(Long.parseLong(ref))
                : UserAccount.findByUsername(ref.toLowerCase(Locale.ROOT));
        return user.filter(u -> u.enabled && (u.role == Role.STAFF || u.role == Role.ADMIN));
    }

    /** Moves the exhibitor accounts of one organization to another (a merge); returns whose. */
    public List<Long> reassignOrganization(long from, long to) {
        List<Long> ids = UserAccount.<UserAccount>list("organizationId", from).stream().map(u -> u.id).toList();
        for (Long id : ids) {
            get(id).organizationId = to;
        }
        return ids;
    }

    /** Puts exhibitor accounts back on an organization (undoing a merge), those still on {@code from}. */
    public void assignOrganization(List<Long> userIds, long from, long to) {
        for (Long id : userIds == null ? List.<Long>of() : userIds) {
            UserAccount user = UserAccount.findById(id);
            if (user != null && Long.valueOf(from).equals(user.organizationId)) {
                user.organizationId = to;
            }
        }
    }

    /** Display names of users by id, for lists that show who owns what. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        UserAccount.<UserAccount>list("id in ?1", ids).forEach(u -> names.put(u.id, u.displayName));
        return names;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserAccount> staff() {
        return UserAccount.list("enabled = true and role in ?1 order by displayName", List.of(Role.STAFF, Role.ADMIN));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserAccount> list(int page, int size) {
        return UserAccount.findAll(Sort.ascending("username")).page(Page.of(page, size)).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return UserAccount.count();
    }

    private void requireAcceptable(String password, UserAccount user) {
        policy.check(password, user.username, user.displayName).ifPresent(refusal -> {
            throw ProblemException.invalid("password", refusal.messageKey);
        });
    }

    /** Sets a password and ends every credential of the user but the session {@code keep}. */
    private void setPassword(UserAccount user, String password, Long keep) {
        user.passwordHash = hasher.hash(password);
        user.passwordChangedAt = Instant.now(clock);
        user.failedLogins = 0;
        user.lockedUntil = null;
        credentials.revokeAll(user.id, CredentialKind.SESSION, keep);
        credentials.revokeAll(user.id, CredentialKind.API_TOKEN, null);
        credentials.revokeAll(user.id, CredentialKind.SETUP, null);
        audit.record(AuditAction.PASSWORD_CHANGED, "UserAccount", user.id.toString(), null);
    }
}
