-- The language the analyzer read an entry's article in: an ISO 639 code such as 'en', or 'und'
-- when it could not tell; NULL for entries analyzed before it was recorded.
ALTER TABLE entries ADD COLUMN analysis_language TEXT;
