-- Each worker's run (runs.id): a run whose worker stopped heartbeating is marked abandoned by the
-- next worker, `pulse status` or a `pulse run`; one whose worker is alive is left alone.
ALTER TABLE workers ADD COLUMN run_id BIGINT;
