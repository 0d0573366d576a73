-- Other URLs under which an entry's article was found: the same content (same hash) or a near
-- duplicate (SimHash within a few bits). They are linked to the first entry and not analyzed again.
-- No foreign key: within a run a duplicate may be linked before its first entry is written.
CREATE TABLE alternates (
  url         TEXT PRIMARY KEY,
  entry_id    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX alternates_entry ON alternates (entry_id);

-- 64-bit SimHash of the entry's text, for near-duplicate detection.
ALTER TABLE entries ADD COLUMN simhash INTEGER;
