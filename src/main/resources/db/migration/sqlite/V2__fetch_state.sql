-- Validators of the last good fetch of each URL (feeds and articles), for conditional GET.
CREATE TABLE fetch_state (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  checked_at    TEXT NOT NULL
);
