-- 0010: as SQLite's 0010: an assignment given to a group is one assignment
-- per trainee of the group at that time; group_id names the group it came
-- from (NULL: given to the trainee alone, or the group was deleted).
ALTER TABLE assignments ADD COLUMN group_id BIGINT REFERENCES groups (id) ON DELETE SET NULL;
