-- 0003: which server a live call runs on (openline.Lease), as SQLite's
-- 0003. A row per leased call; EndCall deletes it.
CREATE TABLE call_leases (
	call_id TEXT        COLLATE "C" PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
	owner   TEXT        NOT NULL,
	until   TIMESTAMPTZ NOT NULL
);
CREATE INDEX call_leases_owner ON call_leases (owner);
