-- sitrep store, SQLite, version 1: documents, outlets, every layer but tokens, full-text search.
-- Each layer table keeps the columns reports and queries filter on, plus `data`: the item as JSON without
-- start/end/text (those come from the span columns and the document text). `data` is what rebuilds the
-- analysis record, so fields an extractor adds later survive without a migration.

CREATE TABLE outlets (
  id   INTEGER PRIMARY KEY,
  key  TEXT NOT NULL UNIQUE,      -- lower-cased, whitespace-collapsed name (src/store/hash.ts outletKey)
  name TEXT NOT NULL              -- as first seen
);

CREATE TABLE documents (
  pk             INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  hash           TEXT NOT NULL UNIQUE,   -- src/store/hash.ts contentHash: what makes two documents the same
  text_hash      TEXT NOT NULL,          -- the normalised text alone: finds one wire story carried by several outlets
  outlet_id      INTEGER REFERENCES outlets(id),
  source         TEXT,
  url            TEXT,
  title          TEXT,
  author         TEXT,
  published      TEXT,                   -- as normalised on input: YYYY-MM-DD or an ISO timestamp
  published_day  TEXT,                   -- YYYY-MM-DD or NULL (undated)
  published_from TEXT,
  format         TEXT NOT NULL,
  origin         TEXT,
  length         INTEGER NOT NULL,
  text           TEXT NOT NULL,
  ingested_at    TEXT NOT NULL,
  -- Record fields this schema has no column for (JSON: {"fields": {...}, "layers": [...]}), so a field or a
  -- layer added to analysis v1 later is kept and given back before any migration knows about it.
  extra          TEXT
);
CREATE INDEX documents_published_day ON documents(published_day);
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE INDEX documents_text_hash ON documents(text_hash);

CREATE TABLE boilerplate (
  doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  kind       TEXT,
  data       TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;

CREATE TABLE sentences (
  doc         INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  paragraph   INTEGER,
  kind        TEXT,
  token_start INTEGER,
  token_end   INTEGER,
  data        TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;

CREATE TABLE times (
  doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  type       TEXT,
  value      TEXT,
  mod        TEXT,
  data       TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX times_value ON times(value);

CREATE TABLE places (
  doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  name       TEXT,
  lat        REAL,
  lon        REAL,
  country    TEXT,
  admin1     TEXT,
  geoname_id INTEGER,
  kind       TEXT,
  data       TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX places_geoname ON places(geoname_id);
CREATE INDEX places_name ON places(name);

CREATE TABLE quantities (
  doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  low        REAL,
  high       REAL,
  best       REAL,
  approx     INTEGER,
  what       TEXT,
  data       TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;

CREATE TABLE events (
  doc             INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord             INTEGER NOT NULL,
  span_start      INTEGER NOT NULL,
  span_end        INTEGER NOT NULL,
  type            TEXT,
  sub_type        TEXT,
  date_start      TEXT,
  date_end        TEXT,
  date_precision  INTEGER,
  location_name   TEXT,
  lat             REAL,
  lon             REAL,
  country         TEXT,
  admin1          TEXT,
  geo_precision   INTEGER,
  actor1          TEXT,
  actor1_inter    INTEGER,
  actor2          TEXT,
  actor2_inter    INTEGER,
  fatalities_low  REAL,
  fatalities_best REAL,
  fatalities_high REAL,
  certainty       TEXT,
  data            TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_country ON events(country);

-- Who an event is attributed to ("an Iraqi intelligence source"), one row per attribution span.
CREATE TABLE event_sources (
  doc        INTEGER NOT NULL,
  event_ord  INTEGER NOT NULL,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (doc, event_ord, ord),
  FOREIGN KEY (doc, event_ord) REFERENCES events(doc, ord) ON DELETE CASCADE
) WITHOUT ROWID;

-- Items of layers added to analysis v1 after this schema (e.g. a claims layer), until a migration gives
-- them a table of their own.
CREATE TABLE layer_items (
  doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  layer      TEXT NOT NULL,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  data       TEXT NOT NULL,
  PRIMARY KEY (doc, layer, ord)
) WITHOUT ROWID;

-- Full-text search over title and text. External content: the text lives once, in documents; the
-- triggers keep the index in step. Porter stemming over unicode61 with diacritics removed, so "killed"
-- finds "kills" and accents do not matter.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text,
  content = 'documents', content_rowid = 'pk',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.pk, coalesce(old.title, ''), old.text);
END;
