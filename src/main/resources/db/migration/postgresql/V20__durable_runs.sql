-- Who ran a run (for 'pulse runs' and for telling a dead run from a live one) and why it stopped
-- early, if it did ('interrupted' by a signal or the time budget, 'abandoned' when its process
-- died without closing it).
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid BIGINT;
ALTER TABLE runs ADD COLUMN stop_reason TEXT;

-- The store lock's holder on PostgreSQL, where the lock itself is a session-level advisory lock:
-- one row, written by whoever takes the lock, so a refused process can name the holder. A crashed
-- holder's advisory lock dies with its session; its row is then stale and overwritten.
CREATE TABLE store_lock (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  host     TEXT NOT NULL,
  pid      BIGINT NOT NULL,
  since    TIMESTAMPTZ NOT NULL,
  command  TEXT NOT NULL
);
