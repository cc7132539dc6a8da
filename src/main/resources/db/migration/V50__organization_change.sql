-- Every change of an existing organization (an update of its row, a merge, a delete), one row each, written in the
-- changing transaction (party.OrganizationChangeLog). A reader that keeps organizations' rows across its
-- transactions (an import's alike candidates, ADR 0030) reads the rows whose seq it has not seen and forgets
-- those organizations: the seq is handed out when the row is inserted, not when its transaction commits, so
-- a reader also keeps the seqs missing below the highest it saw (a transaction still open, or rolled back) and
-- asks for them again. Rows older than a day are pruned, the newest always kept.
CREATE TABLE organization_change (
    seq             BIGINT       NOT NULL AUTO_INCREMENT,
    organization_id BIGINT       NOT NULL,
    changed_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (seq),
    KEY ix_organization_change_at (changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
