-- The live calls of one user (StartCall's limit of live calls per user)
-- are found without walking the user's history of ended calls.
CREATE INDEX calls_live_user ON calls (user_id) WHERE ended_at IS NULL;
