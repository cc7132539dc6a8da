package org.expodesk.badge;

import org.expodesk.platform.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.expodesk.party.PersonErased;

import java.time.Clock;
import java.time.Instant;

/**
 * A person erased on request: their badges keep their ids and states (check-in's records point at
 * them) but lose the printed name, a valid one is revoked, and the download link stops working.
 */
@ApplicationScoped
public class ErasedFromBadges {

    static final String ERASED = "[erased]";

    private final Clock clock;

    ErasedFromBadges(Clock clock) {
        this.clock = clock;
    }

    void forget(@Observes PersonErased erased) {
        Instant now = Instant.now(clock);
        for (Badge b : Badge.<Badge>list("personId", erased.personId())) {
            b.holderName = ERASED;
            b.accessTokenHash = LinkTokens.hash(LinkTokens.newToken());
            if (b.state == BadgeState.VALID) {
                b.state = BadgeState.REVOKED;
                b.stateChangedAt = now;
                b.stateChangedBy = "system";
                b.stateReason = "the holder's data was erased";
            }
        }
    }
}
