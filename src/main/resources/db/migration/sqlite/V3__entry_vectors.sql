-- Sentence-embedding vectors of entries (title + summary), for related readings and trending
-- topics. Kept with the content hash and model they were computed from, so a change of either
-- recomputes them.
CREATE TABLE entry_vectors (
  id           TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  model        TEXT NOT NULL,
  vector       BLOB NOT NULL
);
