package org.expodesk.account.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import org.expodesk.account.CredentialKind;

import java.util.Set;

/** A secret presented by a client, and the kinds of credential it may be at this place. */
public final class CredentialRequest extends BaseAuthenticationRequest {

    private final String secret;
    private final Set<CredentialKind> accepted;

    public CredentialRequest(String secret, Set<CredentialKind> accepted) {
        this.secret = secret;
        this.accepted = accepted;
    }

    public String secret() {
        return secret;
    }

    public Set<CredentialKind> accepted() {
        return accepted;
    }
}
