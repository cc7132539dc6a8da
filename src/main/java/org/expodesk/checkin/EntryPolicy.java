package org.expodesk.checkin;

/** How often a badge of a category gets in; a category without a policy is {@link #ONCE_PER_DAY}. */
public enum EntryPolicy {
    /** Once for the whole show. */
    SINGLE_ENTRY,
    /** Once on each show day. */
    ONCE_PER_DAY,
    /** Again after an exit (and again on each new day). */
    FREE_REENTRY;

    public static final EntryPolicy DEFAULT = ONCE_PER_DAY;
}
