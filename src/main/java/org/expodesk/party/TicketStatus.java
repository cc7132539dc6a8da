package org.expodesk.party;

import java.util.EnumSet;
import java.util.Set;

/** The life of a ticket; what each status may move to. */
public enum TicketStatus {
    NEW, IN_PROGRESS, WAITING, RESOLVED, CLOSED;

    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, WAITING, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING, RESOLVED);
            case WAITING -> EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }
}
