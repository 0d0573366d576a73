-- pulse worker (docs/scaling.md): the same tables as on PostgreSQL. On SQLite one worker runs
-- the schedules (the store lock keeps a second one out); db-scheduler's times are epoch
-- milliseconds here (worker.SqliteJdbcCustomization).
CREATE TABLE scheduled_tasks (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BLOB,
  execution_time       INTEGER NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
  last_success         INTEGER,
  last_failure         INTEGER,
  consecutive_failures INT,
  last_heartbeat       INTEGER,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);

-- Unused on SQLite (one worker: its limits are in memory); kept so both schemas are one.
CREATE TABLE limit_buckets (
  id         TEXT PRIMARY KEY,
  state      BLOB,
  expires_at BIGINT
);

CREATE TABLE workers (
  name         TEXT PRIMARY KEY,
  host         TEXT NOT NULL,
  pid          BIGINT NOT NULL,
  started_ms   BIGINT NOT NULL,
  heartbeat_ms BIGINT NOT NULL,
  stopped_ms   BIGINT
);
