-- Review state of an entry: no row means 'new'; an editor moves it to 'approved' or 'rejected'.
CREATE TABLE desk_reviews (
  entry_id   TEXT PRIMARY KEY,
  state      TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL
);
CREATE INDEX desk_reviews_state ON desk_reviews (state);
