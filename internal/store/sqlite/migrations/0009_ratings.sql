-- 0009: trainers' ratings of calls, for calibration (issue 11). A row is
-- asked for (requested_*) and later given (openness, curiosity,
-- submitted_at; NULL until then). Times are UTC milliseconds.
CREATE TABLE ratings (
	call_id      TEXT    NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
	rater_id     INTEGER NOT NULL REFERENCES users (id),
	requested_by INTEGER NOT NULL REFERENCES users (id),
	requested_at INTEGER NOT NULL,
	openness     INTEGER CHECK (openness BETWEEN 0 AND 100),
	curiosity    INTEGER CHECK (curiosity BETWEEN 0 AND 100),
	note         TEXT    NOT NULL DEFAULT '',
	submitted_at INTEGER,
	PRIMARY KEY (call_id, rater_id)
) WITHOUT ROWID;
CREATE INDEX ratings_rater ON ratings (rater_id, requested_at DESC);
