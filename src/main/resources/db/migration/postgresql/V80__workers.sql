-- pulse worker (docs/scaling.md). db-scheduler's table, as its postgresql_tables.sql (16.x):
-- one row per scheduled task instance (a source's next discovery, an item to process), claimed by
-- one worker at a time, with the heartbeat that tells a dead worker's tasks from live ones.
CREATE TABLE scheduled_tasks (
  task_name            TEXT NOT NULL,
  task_instance        TEXT NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMPTZ NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMPTZ,
  last_failure         TIMESTAMPTZ,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMPTZ,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority ON scheduled_tasks (priority DESC, execution_time ASC);

-- Bucket4j's buckets (the limits all workers share: a turn per host, the LLM account's minute).
CREATE TABLE limit_buckets (
  id         TEXT PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);

-- The workers, for 'pulse status': who is up, since when, and when each last said so (epoch ms).
CREATE TABLE workers (
  name         TEXT PRIMARY KEY,
  host         TEXT NOT NULL,
  pid          BIGINT NOT NULL,
  started_ms   BIGINT NOT NULL,
  heartbeat_ms BIGINT NOT NULL,
  stopped_ms   BIGINT
);
