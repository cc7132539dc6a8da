-- Who did a task's work, so that nobody checks or confirms work they did themselves even after
-- the owner is changed; and an index for "tasks I check".
ALTER TABLE task ADD COLUMN started_by BIGINT NULL, ADD COLUMN submitted_by BIGINT NULL;
CREATE INDEX ix_task_checker_state ON task (checker_id, state);
