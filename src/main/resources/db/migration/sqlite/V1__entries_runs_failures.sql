-- Curated entries: one row per canonical URL (id = SHA-256 of it); a rerun updates the row.
CREATE TABLE entries (
  id                 TEXT PRIMARY KEY,
  url                TEXT NOT NULL,
  source             TEXT NOT NULL,
  title              TEXT NOT NULL,
  byline             TEXT,
  published          TEXT,
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
  fetched_at         TEXT NOT NULL,
  analyzed_at        TEXT NOT NULL,
  content_hash       TEXT NOT NULL,
  llm_calls          INTEGER NOT NULL DEFAULT 0,
  tokens_in          INTEGER NOT NULL DEFAULT 0,
  tokens_out         INTEGER NOT NULL DEFAULT 0,
  cost_usd           REAL NOT NULL DEFAULT 0,
  first_seen_at      TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX entries_published ON entries (published);
CREATE INDEX entries_category ON entries (category);
CREATE INDEX entries_content_hash ON entries (content_hash);

-- One row per run of the pipeline, with its figures.
CREATE TABLE runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  command     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  analyzer    TEXT NOT NULL,
  counts      TEXT NOT NULL DEFAULT '{}',
  llm_calls   INTEGER NOT NULL DEFAULT 0,
  tokens_in   INTEGER NOT NULL DEFAULT 0,
  tokens_out  INTEGER NOT NULL DEFAULT 0,
  cost_usd    REAL NOT NULL DEFAULT 0,
  status      TEXT NOT NULL DEFAULT 'running'
);

-- Items of a run that did not become entries, with the stage and the reason.
CREATE TABLE item_failures (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id      INTEGER NOT NULL REFERENCES runs (id),
  url         TEXT NOT NULL,
  stage       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  message     TEXT NOT NULL,
  detail      TEXT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX item_failures_run ON item_failures (run_id);
