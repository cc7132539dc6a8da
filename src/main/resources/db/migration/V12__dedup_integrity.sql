-- Creates of the same organization take turns on a row per strong key (credit code or name
-- key), held until commit; a merge keeps the survivor's values after it too, so an undo reverts
-- only what the merge changed; a participation is unique whichever party it names.
CREATE TABLE dedup_key_lock (
    k VARCHAR(300) NOT NULL,
    PRIMARY KEY (k)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE merge_log ADD COLUMN survivor_after MEDIUMTEXT NULL;

ALTER TABLE participation DROP INDEX uk_participation,
    ADD COLUMN party_key VARCHAR(41) AS (CONCAT(COALESCE(organization_id, 0), ':', COALESCE(person_id, 0))) STORED,
    ADD CONSTRAINT uk_participation_party UNIQUE (exhibition_id, party_key, role);
