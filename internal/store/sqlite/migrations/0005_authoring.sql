-- 0005: scenarios authored in the browser (issue 11). A draft is a
-- trainer's YAML text with what its last check found; a publication makes
-- a version (kept in scenario_versions) current. Times are UTC
-- milliseconds.
CREATE TABLE scenario_drafts (
	id          INTEGER PRIMARY KEY,
	scenario_id TEXT    NOT NULL DEFAULT '', -- '' while the text names none
	title       TEXT    NOT NULL DEFAULT '',
	source      BLOB    NOT NULL,
	problems    INTEGER NOT NULL DEFAULT 0,
	created_by  INTEGER NOT NULL REFERENCES users (id),
	created_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL
);
CREATE INDEX scenario_drafts_creator ON scenario_drafts (created_by);

CREATE TABLE scenario_publications (
	id           INTEGER PRIMARY KEY,
	scenario_id  TEXT    NOT NULL,
	version      TEXT    NOT NULL,
	published_by INTEGER NOT NULL REFERENCES users (id),
	published_at INTEGER NOT NULL,
	FOREIGN KEY (scenario_id, version) REFERENCES scenario_versions (id, version)
);
CREATE INDEX scenario_publications_scenario ON scenario_publications (scenario_id, id);
