-- 0012: a draft's revision (issue 12): 1 when created, one more with each
-- save. A save names the revision it was made on and changes the draft
-- only while it still has that one, so that of two saves made on the same
-- text, on any servers, the later is refused instead of winning unseen.
ALTER TABLE scenario_drafts ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
