package org.expodesk.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * On first start, creates the user {@code admin}: with the password from
 * {@code EXPODESK_ADMIN_PASSWORD}, or else with a one-time setup link printed to the log. There
 * is never a default password. While the admin has not chosen a password, every start prints a
 * fresh link (the earlier ones stop working). Nodes starting together take turns through a
 * database lock, so only one creates the admin.
 */
@ApplicationScoped
public class FirstAdmin {

    public static final String USERNAME = "admin";
    private static final String LOCK = "expodesk.first-admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Inject
    UserService users;

    @ConfigProperty(name = "expodesk.admin.initial-password")
    Optional<String> initialPassword;

    @ConfigProperty(name = "expodesk.public-url")
    Optional<String> publicUrl;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        var em = UserAccount.getEntityManager();
        Object got = em.createNativeQuery("SELECT GET_LOCK(?1, 60)").setParameter(1, LOCK).getSingleResult();
        if (got == null || ((Number) got).intValue() != 1) {
            LOG.warn("Another node holds the first-admin lock; not creating the administrator from this one");
            return;
        }
        try {
            ensureAdmin();
        } finally {
            em.createNativeQuery("SELECT RELEASE_LOCK(?1)").setParameter(1, LOCK).getSingleResult();
        }
    }

    private void ensureAdmin() {
        UserAccount admin = UserAccount.findByUsername(USERNAME).orElse(null);
        if (admin == null && UserAccount.count() > 0) {
            return;
        }
        if (admin == null) {
            admin = users.create(new UserService.NewUser(USERNAME, "Administrator", null, Role.ADMIN, null)).user();
        } else if (admin.passwordHash != null) {
            return;
        }
        String password = initialPassword.filter(p -> !p.isBlank()).orElse(null);
        if (password != null) {
            // checked first: a refusal thrown inside this transaction would roll all of it back
            Optional<PasswordPolicy.Refusal> refusal = users.checkPassword(password, admin.username, admin.displayName);
            if (refusal.isEmpty()) {
                users.setInitialPassword(admin, password);
                LOG.info("Created the administrator 'admin' with the password from EXPODESK_ADMIN_PASSWORD");
                return;
            }
            LOG.warnf("EXPODESK_ADMIN_PASSWORD was not used: the password policy refuses it (%s)", refusal.get());
        }
        String link = baseUrl() + "/setup?token=" + users.issueSetupLink(admin).secret();
        LOG.infof("%n%n  No administrator password yet. Open this one-time link to choose it (valid 72 hours):%n  %s%n",
                link);
    }

    private String baseUrl() {
        return publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""))
                .orElse("http://localhost:" + port);
    }
}
