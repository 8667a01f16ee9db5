-- 0003: which server a live call runs on (openline.Lease). A row per
-- leased call; EndCall deletes it. Times are UTC milliseconds.
CREATE TABLE call_leases (
	call_id TEXT    PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
	owner   TEXT    NOT NULL,
	until   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX call_leases_owner ON call_leases (owner);
