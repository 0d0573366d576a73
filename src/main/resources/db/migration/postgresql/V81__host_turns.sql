-- pulse worker: each host's turn across the workers (limit.PostgresHostTurns): free from free_at
-- (the database's clock), held by holder while a request runs.
CREATE TABLE host_turns (
  host    TEXT PRIMARY KEY,
  free_at TIMESTAMPTZ NOT NULL,
  holder  TEXT
);
