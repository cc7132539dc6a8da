package org.expodesk.exhibition;

import java.time.LocalDate;

/**
 * The stages every new exhibition starts with (requirements §1: 筹备, 准备, 会前, 期中, 结束, 休会),
 * each with a window relative to opening day (before) or closing day (after).
 */
public enum DefaultStage {
    INITIATION(-365, -181, false),
    PREPARATION(-180, -61, false),
    PRE_SHOW(-60, -1, false),
    SHOW_DAYS(0, 0, true),
    CLOSING(1, 30, true),
    RECESS(31, 180, true);

    private final int from;
    private final int until;
    private final boolean afterClosing;

    DefaultStage(int from, int until, boolean afterClosing) {
        this.from = from;
        this.until = until;
        this.afterClosing = afterClosing;
    }

    public LocalDate startsOn(LocalDate opensOn, LocalDate closesOn) {
        if (this == SHOW_DAYS) {
            return opensOn;
        }
        return (afterClosing ? closesOn : opensOn).plusDays(from);
    }

    public LocalDate endsOn(LocalDate opensOn, LocalDate closesOn) {
        if (this == SHOW_DAYS) {
            return closesOn;
        }
        return (afterClosing ? closesOn : opensOn).plusDays(until);
    }

    /** The message key of the default name. */
    public String messageKey() {
        return "stage_" + name();
    }
}
