-- Organizations take their ids from id_block too (ADR 0029, docs/import.md "Round 7"), so that a people import
-- chunk's new companies are inserted in batches at its flush instead of one AUTO_INCREMENT insert each. Every
-- insert into organization takes its id from here (audit.IdBlocks); a loader that wrote rows itself moves next_id
-- past them (IdBlocks.movePast).
INSERT INTO id_block (table_name, next_id) SELECT 'organization', COALESCE(MAX(id), 0) + 1 FROM organization;
