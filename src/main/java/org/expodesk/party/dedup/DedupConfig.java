package org.expodesk.party.dedup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a new record is the same as an existing one, and when it only may be (docs/dedup.md). */
@ConfigMapping(prefix = "expodesk.dedup")
public interface DedupConfig {

    /** At or above: the same party, merged without asking. */
    @WithDefault("0.95")
    double sure();

    /** At or above (and below sure): a person decides, in the review queue. */
    @WithDefault("0.82")
    double likely();

    /**
     * Whether a likely organization is sure when one of its people (a registrant) gives an address at the
     * organization's own domain, not a mail provider's (docs/dedup.md, ADR 0019).
     */
    @WithDefault("true")
    boolean memberMailDomain();
}
