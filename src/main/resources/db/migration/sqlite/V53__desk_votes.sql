-- Reader feedback: one vote per browser (a random cookie id) per entry. The address is kept only
-- as a salted hash, for rate limiting, and cleared after the retention period.
CREATE TABLE desk_votes (
  entry_id     TEXT NOT NULL,
  voter        TEXT NOT NULL,
  vote         INTEGER NOT NULL,
  address_hash TEXT,
  at           TEXT NOT NULL,
  PRIMARY KEY (entry_id, voter)
);
CREATE INDEX desk_votes_address ON desk_votes (address_hash, at);

-- Per-installation secrets of the desk (the salt of address hashes).
CREATE TABLE desk_secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
