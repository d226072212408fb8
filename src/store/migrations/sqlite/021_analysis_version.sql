-- The version of the analysis each document was stored with (src/analyze/version.ts), so `sitrep reanalyze`
-- finds the documents an upgrade changed the extractors for. NULL: stored before versions were recorded.
ALTER TABLE documents ADD COLUMN analysis_version TEXT;
CREATE INDEX documents_analysis_version ON documents(analysis_version);
