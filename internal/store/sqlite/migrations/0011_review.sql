-- 0011: a trainer's review of calls (issue 11): comments pinned to a turn,
-- score adjustments with their reason (the computed scores stay in
-- openness and curiosity; the latest adjustment of each is copied onto the
-- call, NULL: none), and who ended the call. Times are UTC milliseconds.

ALTER TABLE calls ADD COLUMN openness_adjusted INTEGER;
ALTER TABLE calls ADD COLUMN curiosity_adjusted INTEGER;
-- 'trainee' or 'prospect'; '' while open, for an interrupted call, and
-- for calls from before this migration.
ALTER TABLE calls ADD COLUMN ended_by TEXT NOT NULL DEFAULT '';

CREATE TABLE call_comments (
	id         INTEGER PRIMARY KEY,
	call_id    TEXT    NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
	turn       INTEGER NOT NULL CHECK (turn >= 0),
	author_id  INTEGER NOT NULL REFERENCES users (id),
	text       TEXT    NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX call_comments_call ON call_comments (call_id, id);

CREATE TABLE score_adjustments (
	id        INTEGER PRIMARY KEY,
	call_id   TEXT    NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
	dimension TEXT    NOT NULL CHECK (dimension IN ('openness', 'curiosity')),
	score     INTEGER CHECK (score BETWEEN 0 AND 100), -- NULL: taken back
	reason    TEXT    NOT NULL,
	author_id INTEGER NOT NULL REFERENCES users (id),
	at        INTEGER NOT NULL
);
CREATE INDEX score_adjustments_call ON score_adjustments (call_id, id);
