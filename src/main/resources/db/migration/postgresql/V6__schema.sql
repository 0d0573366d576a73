-- The whole schema as of SQLite V6 (PostgreSQL stores start here). Times are TIMESTAMPTZ (UTC
-- instants); a published time keeps the offset it was given with, in seconds, for display.

-- Curated entries: one row per canonical URL (id = SHA-256 of it); a rerun updates the row.
CREATE TABLE entries (
  id                 TEXT PRIMARY KEY,
  url                TEXT NOT NULL,
  source             TEXT NOT NULL,
  title              TEXT NOT NULL,
  byline             TEXT,
  published_at       TIMESTAMPTZ,
  published_offset   INTEGER,
  site_name          TEXT,
  language           TEXT,
  image              TEXT,
  text               TEXT NOT NULL,
  summary            TEXT NOT NULL,
  editors_note       TEXT,
  sentiment          TEXT NOT NULL,
  category           TEXT NOT NULL,
  topics             TEXT NOT NULL,
  analyzer           TEXT NOT NULL,
  model              TEXT NOT NULL,
  analysis_version   TEXT NOT NULL,
  extraction_version TEXT NOT NULL,
  fetched_at         TIMESTAMPTZ NOT NULL,
  analyzed_at        TIMESTAMPTZ NOT NULL,
  content_hash       TEXT NOT NULL,
  llm_calls          INTEGER NOT NULL DEFAULT 0,
  tokens_in          BIGINT NOT NULL DEFAULT 0,
  tokens_out         BIGINT NOT NULL DEFAULT 0,
  cost_usd           DOUBLE PRECISION NOT NULL DEFAULT 0,
  first_seen_at      TIMESTAMPTZ NOT NULL,
  updated_at         TIMESTAMPTZ NOT NULL,
  -- 64-bit SimHash of the entry's text, for near-duplicate detection
  simhash            BIGINT
);
CREATE INDEX entries_published ON entries (published_at);
CREATE INDEX entries_category ON entries (category);
CREATE INDEX entries_content_hash ON entries (content_hash);

-- One row per run of the pipeline, with its figures.
CREATE TABLE runs (
  id          BIGSERIAL PRIMARY KEY,
  command     TEXT NOT NULL,
  started_at  TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  analyzer    TEXT NOT NULL,
  counts      TEXT NOT NULL DEFAULT '{}',
  llm_calls   INTEGER NOT NULL DEFAULT 0,
  tokens_in   BIGINT NOT NULL DEFAULT 0,
  tokens_out  BIGINT NOT NULL DEFAULT 0,
  cost_usd    DOUBLE PRECISION NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'running'
);

-- Items of a run that did not become entries, with the stage and the reason.
CREATE TABLE item_failures (
  id          BIGSERIAL PRIMARY KEY,
  run_id      BIGINT NOT NULL REFERENCES runs (id),
  url         TEXT NOT NULL,
  stage       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  message     TEXT NOT NULL,
  detail      TEXT,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX item_failures_run ON item_failures (run_id);

-- Validators of the last good fetch of each URL (feeds and articles), for conditional GET.
CREATE TABLE fetch_state (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  checked_at    TIMESTAMPTZ NOT NULL
);

-- Sentence-embedding vectors of entries, with the content hash and model they came from.
CREATE TABLE entry_vectors (
  id           TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  model        TEXT NOT NULL,
  vector       BYTEA NOT NULL
);

-- Other URLs under which an entry's article was found (same content or near duplicate).
-- No foreign key: within a run a duplicate may be linked before its first entry is written.
CREATE TABLE alternates (
  url         TEXT PRIMARY KEY,
  entry_id    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX alternates_entry ON alternates (entry_id);

-- Items that failed for a passing reason, tried again on the next runs.
CREATE TABLE retry_queue (
  url              TEXT PRIMARY KEY,
  source           TEXT NOT NULL,
  title            TEXT,
  published_at     TIMESTAMPTZ,
  published_offset INTEGER,
  category         TEXT,
  reason           TEXT NOT NULL,
  attempts         INTEGER NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL
);
