-- Who ran a run (for 'pulse runs' and for telling a dead run from a live one) and why it stopped
-- early, if it did ('interrupted' by a signal or the time budget, 'abandoned' when its process
-- died without closing it).
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN stop_reason TEXT;
