-- 0001: the first schema. Times are UTC milliseconds since the Unix epoch
-- (INTEGER); JSON is stored as TEXT.

CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	name          TEXT    NOT NULL UNIQUE,
	role          TEXT    NOT NULL CHECK (role IN ('trainee', 'trainer')),
	password_hash TEXT    NOT NULL,
	created_at    INTEGER NOT NULL
);

-- Only the SHA-256 hash of a session token is stored.
CREATE TABLE sessions (
	token_hash TEXT    PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- One-time tokens that create the first trainer; deleted when used.
CREATE TABLE setup_tokens (
	token_hash TEXT    PRIMARY KEY,
	expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE calls (
	id               TEXT    PRIMARY KEY,
	user_id          INTEGER NOT NULL REFERENCES users (id),
	scenario_id      TEXT    NOT NULL,
	scenario_version TEXT    NOT NULL,
	engine           TEXT    NOT NULL,
	language         TEXT    NOT NULL,
	seed             INTEGER NOT NULL,
	started_at       INTEGER NOT NULL,
	ended_at         INTEGER,          -- NULL while the call goes on
	outcome          TEXT    NOT NULL DEFAULT '',
	next_step        TEXT    NOT NULL DEFAULT '',
	openness         INTEGER,          -- NULL until scored
	curiosity        INTEGER
);
CREATE INDEX calls_started ON calls (started_at DESC, id DESC);
CREATE INDEX calls_user_started ON calls (user_id, started_at DESC, id DESC);
CREATE INDEX calls_scenario_started ON calls (scenario_id, started_at DESC, id DESC);
CREATE INDEX calls_open ON calls (started_at) WHERE ended_at IS NULL;

CREATE TABLE turns (
	call_id  TEXT    NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
	idx      INTEGER NOT NULL CHECK (idx >= 0),
	speaker  TEXT    NOT NULL CHECK (speaker IN ('trainee', 'prospect')),
	text     TEXT    NOT NULL,
	start_ms INTEGER,
	end_ms   INTEGER,
	state    TEXT,             -- ProspectState as JSON, NULL when absent
	at       INTEGER NOT NULL,
	PRIMARY KEY (call_id, idx)
) WITHOUT ROWID;

CREATE TABLE scorecards (
	call_id TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
	card    TEXT NOT NULL      -- Scorecard as JSON
) WITHOUT ROWID;

CREATE TABLE scenario_versions (
	id       TEXT    NOT NULL,
	version  TEXT    NOT NULL,
	source   BLOB    NOT NULL,
	saved_at INTEGER NOT NULL,
	PRIMARY KEY (id, version)
) WITHOUT ROWID;
