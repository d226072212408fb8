-- The version of the analysis each document was stored with (see the SQLite migration).
ALTER TABLE documents ADD COLUMN analysis_version text;
CREATE INDEX documents_analysis_version ON documents(analysis_version);
