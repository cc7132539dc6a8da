package org.expodesk.party.dedup;

import java.util.List;

/**
 * Records of other features that point at a person or an organization (a badge, a registration, a
 * survey invitation): a merge moves them to the survivor with the rest of the history, and an undo
 * moves back those still there. A feature adds one bean naming its rows; the customer database
 * knows only this interface and does the moving ({@link MovedRows}).
 */
public interface MergedRecords {

    /**
     * Rows of {@code table} whose {@code column} names the party. {@code key}: where the merge log keeps
     * the moved ids (stable: only ever add). {@code staysIf}: null, or an SQL condition over the row as
     * {@code t}, with {@code ?2} the survivor, under which a row stays with the duplicate (the survivor
     * has the like already, e.g. a registration for the same edition). Table, column and condition are
     * the feature's constants, never input.
     */
    record Rows(String key, String table, String column, String staysIf) {
    }

    default List<Rows> ofPerson() {
        return List.of();
    }

    default List<Rows> ofOrganization() {
        return List.of();
    }
}
