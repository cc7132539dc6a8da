-- Registrations take their ids from id_block too (ADR 0031), so that the public submits a node decides together
-- in one transaction have their registrations inserted in one batch at its flush instead of one AUTO_INCREMENT
-- insert each (which also wrote every insert queued before it). Every insert into registration takes its id from
-- here (audit.IdBlocks).
INSERT INTO id_block (table_name, next_id) SELECT 'registration', COALESCE(MAX(id), 0) + 1 FROM registration;
