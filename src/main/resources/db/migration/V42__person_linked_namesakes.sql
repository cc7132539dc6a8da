-- The namesakes a person may be (party.dedup.PersonMatcher.Blocks.readLinked) are looked up from
-- the selective side: the people of an organization, and the people with an e-mail address at a
-- company domain, then filtered by name key. The domains are kept by the database (virtual columns:
-- no code writes them, no table is rebuilt), with exactly the expressions the lookup compared before.
-- One column per index: with a name key column beside it, the range of a chunk's hundreds of domains
-- times its hundreds of name keys is more than the optimizer builds, and it would scan the index.
ALTER TABLE person
    ADD COLUMN email_domain VARCHAR(254) AS (SUBSTRING_INDEX(email, '@', -1)) VIRTUAL,
    ADD INDEX ix_person_email_domain (email_domain);

-- NULL for a phone: only e-mail contacts have a domain
ALTER TABLE person_contact
    ADD COLUMN email_domain VARCHAR(254) AS (CASE WHEN kind = 'EMAIL' THEN SUBSTRING_INDEX(value, '@', -1) END) VIRTUAL,
    ADD INDEX ix_person_contact_email_domain (email_domain, person_id);
