-- robots.txt per origin with its fetch time, so its lifetime (24 h by default) holds across runs.
-- body is null when there was none to obey (4xx: all allowed); unavailable = 1 when it could not
-- be read (5xx, unreachable: the host is left alone until robots_failure_ttl has passed).
CREATE TABLE robots (
  origin      TEXT PRIMARY KEY,
  body        TEXT,
  unavailable INTEGER NOT NULL,
  fetched_at  TEXT NOT NULL
);
