package org.expodesk.party;

import java.time.Duration;

/** How urgent a ticket is, and so by when it must be resolved (its SLA). */
public enum TicketPriority {
    LOW(Duration.ofDays(5)), NORMAL(Duration.ofDays(2)), HIGH(Duration.ofHours(8)), URGENT(Duration.ofHours(2));

    public final Duration sla;

    TicketPriority(Duration sla) {
        this.sla = sla;
    }
}
