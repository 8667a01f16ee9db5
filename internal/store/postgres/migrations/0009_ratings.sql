-- 0009: trainers' ratings of calls, for calibration (issue 11), as
-- SQLite's 0009. A row is asked for (requested_*) and later given
-- (openness, curiosity, submitted_at; NULL until then).
CREATE TABLE ratings (
	call_id      TEXT        COLLATE "C" NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
	rater_id     BIGINT      NOT NULL REFERENCES users (id),
	requested_by BIGINT      NOT NULL REFERENCES users (id),
	requested_at TIMESTAMPTZ NOT NULL,
	openness     INTEGER     CHECK (openness BETWEEN 0 AND 100),
	curiosity    INTEGER     CHECK (curiosity BETWEEN 0 AND 100),
	note         TEXT        NOT NULL DEFAULT '',
	submitted_at TIMESTAMPTZ,
	PRIMARY KEY (call_id, rater_id)
);
CREATE INDEX ratings_rater ON ratings (rater_id, requested_at DESC);
