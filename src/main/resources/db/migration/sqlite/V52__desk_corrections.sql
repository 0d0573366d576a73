-- Editors' corrections, kept apart from the analyzer's output in 'entries' so that no rerun,
-- --force, prompt or analyzer change overwrites them. A null column is "not corrected".
-- 'version' counts saves: a save based on an older version is refused.
CREATE TABLE desk_corrections (
  entry_id     TEXT PRIMARY KEY,
  summary      TEXT,
  editors_note TEXT,
  sentiment    TEXT,
  category     TEXT,
  topics       TEXT,
  version      INTEGER NOT NULL,
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

-- Every editorial change: who, when, which field, old and new value.
CREATE TABLE desk_audit (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id  TEXT NOT NULL,
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  version   INTEGER NOT NULL
);
CREATE INDEX desk_audit_entry ON desk_audit (entry_id, id);

-- Soft edit locks: who has an entry open for editing, and since when.
CREATE TABLE desk_locks (
  entry_id   TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  since      TEXT NOT NULL,
  touched_at TEXT NOT NULL
);
