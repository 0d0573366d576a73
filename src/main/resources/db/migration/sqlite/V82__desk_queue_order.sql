-- The review queue lists entries newest first by this expression: an index on it lets a page be
-- read in order and stop after its rows instead of sorting every entry (10,000 and more).
CREATE INDEX entries_shown_at ON entries (COALESCE(published_at, analyzed_at) DESC, id);
