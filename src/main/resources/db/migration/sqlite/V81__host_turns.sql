-- pulse worker: the hosts' turns are shared only on PostgreSQL (one worker per SQLite store);
-- the table is here so both schemas stay one.
CREATE TABLE host_turns (
  host    TEXT PRIMARY KEY,
  free_at INTEGER NOT NULL,
  holder  TEXT
);
