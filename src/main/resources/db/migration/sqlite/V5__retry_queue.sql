-- Items that failed for a passing reason (an analysis failure, a timeout, a 5xx): tried again on
-- the next runs even when their feed has not changed, until they succeed or run out of attempts.
CREATE TABLE retry_queue (
  url        TEXT PRIMARY KEY,
  source     TEXT NOT NULL,
  title      TEXT,
  published  TEXT,
  category   TEXT,
  reason     TEXT NOT NULL,
  attempts   INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
