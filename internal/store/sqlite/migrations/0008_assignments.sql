-- 0008: assignments (issue 11): a scenario a trainer gave a trainee, with
-- an optional due date (UTC milliseconds), the pass mark (0–100) and how
-- many calls count (0: no limit). How it stands is worked out from the
-- trainee's calls, never stored (docs/progress.md).
CREATE TABLE assignments (
	id          INTEGER PRIMARY KEY,
	scenario_id TEXT    NOT NULL,
	user_id     INTEGER NOT NULL REFERENCES users (id),
	due_at      INTEGER,
	pass_mark   INTEGER NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
	attempts    INTEGER NOT NULL CHECK (attempts BETWEEN 0 AND 100),
	created_by  INTEGER NOT NULL REFERENCES users (id),
	created_at  INTEGER NOT NULL
);
CREATE INDEX assignments_user ON assignments (user_id, created_at DESC, id DESC);
