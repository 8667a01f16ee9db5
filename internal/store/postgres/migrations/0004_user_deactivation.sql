-- 0004: accounts can be deactivated (issue 11): a deactivated account
-- keeps its calls but cannot log in. NULL while active.
ALTER TABLE users ADD COLUMN deactivated_at TIMESTAMPTZ;
