-- An application whose company was recognised as one already in the customer database gets its
-- exhibitor account only when staff approve it, not when the applicant confirms the e-mail address:
-- a credit code is printed on every business licence, so knowing it proves nothing.
ALTER TABLE exhibitor_application
    ADD COLUMN organization_matched BOOLEAN NOT NULL DEFAULT FALSE;
