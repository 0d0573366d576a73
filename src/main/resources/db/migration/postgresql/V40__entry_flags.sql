-- Claims of an entry's summary or editor's note that its article does not support, as a JSON
-- array of strings (e.g. ["unsupported number \"2,000\""]); '[]' when the check found none.
ALTER TABLE entries ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
