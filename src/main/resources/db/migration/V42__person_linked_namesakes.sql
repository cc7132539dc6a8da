-- The namesakes a person may be (party.dedup.PersonMatcher.Blocks.readLinked) are looked up from
-- the selective side: the people of an organization with a name key, and the people with an
-- e-mail address at a company domain. The domains are kept by the database (virtual columns: no
-- code writes them, no table is rebuilt), with exactly the expressions the lookup compared before.
ALTER TABLE person
    ADD COLUMN email_domain VARCHAR(254) AS (SUBSTRING_INDEX(email, '@', -1)) VIRTUAL,
    ADD INDEX ix_person_email_domain_name (email_domain, name_key),
    ADD INDEX ix_person_organization_name (organization_id, name_key);

-- NULL for a phone: only e-mail contacts have a domain
ALTER TABLE person_contact
    ADD COLUMN email_domain VARCHAR(254) AS (CASE WHEN kind = 'EMAIL' THEN SUBSTRING_INDEX(value, '@', -1) END) VIRTUAL,
    ADD INDEX ix_person_contact_email_domain (email_domain, person_id);
