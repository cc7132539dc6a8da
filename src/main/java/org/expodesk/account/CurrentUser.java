package org.expodesk.account;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.expodesk.account.security.CredentialIdentityProvider;
import org.expodesk.platform.problem.Problem;
import org.expodesk.platform.problem.ProblemException;
import org.expodesk.platform.problem.ProblemType;

import java.util.Optional;

/** The signed-in user of the current request, if any. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public Optional<SignedInUser> get() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(CredentialIdentityProvider.USER_ATTRIBUTE));
    }

    /** The user, for places that are only reachable signed in. */
    public SignedInUser require() {
        if (!identity.isAnonymous() && identity.getAttribute(CredentialIdentityProvider.USER_ATTRIBUTE) == null) {
            // a scanner device: signed in, but not as a user
            throw new ProblemException(Problem.of(ProblemType.FORBIDDEN, "Not allowed"));
        }
        return get().orElseThrow(() -> new ProblemException(Problem.of(ProblemType.UNAUTHENTICATED, "Sign in first")));
    }

    public SecurityIdentity identity() {
        return identity;
    }
}
