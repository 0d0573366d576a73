-- Accounts of the editorial desk (pulse serve). The password is kept only as a slow, salted hash
-- (Argon2id, PHC string); a disabled account cannot log in and keeps its audit trail.
CREATE TABLE desk_users (
  name          TEXT PRIMARY KEY,
  role          TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
