-- 0010: an assignment given to a group (issue 11) is one assignment per
-- trainee of the group at that time; group_id names the group it came
-- from (NULL: given to the trainee alone, or the group was deleted).
ALTER TABLE assignments ADD COLUMN group_id INTEGER REFERENCES groups (id) ON DELETE SET NULL;
