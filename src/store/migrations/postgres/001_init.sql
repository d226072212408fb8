-- sitrep store, PostgreSQL, version 1: the same tables as the SQLite schema (src/store/migrations/sqlite),
-- with a tsvector column for full-text search. `data` is json (not jsonb) so items come back with their
-- fields in the order they were written.

CREATE TABLE outlets (
  id   bigserial PRIMARY KEY,
  key  text NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE documents (
  pk             bigserial PRIMARY KEY,
  id             text NOT NULL UNIQUE,
  hash           text NOT NULL UNIQUE,   -- src/store/hash.ts contentHash: what makes two documents the same
  text_hash      text NOT NULL,          -- the normalised text alone: finds one wire story carried by several outlets
  outlet_id      bigint REFERENCES outlets(id),
  source         text,
  url            text,
  title          text,
  author         text,
  published      text,
  published_day  text,                   -- YYYY-MM-DD or NULL (undated)
  published_from text,
  format         text NOT NULL,
  origin         text,
  length         integer NOT NULL,
  text           text NOT NULL,
  ingested_at    timestamptz NOT NULL,
  -- Record fields this schema has no column for: {"fields": {...}, "layers": [...]} (see the SQLite schema).
  extra          json,
  -- Title weighs more than text. to_tsvector refuses vectors over 1 MB, so very long texts are indexed on
  -- their first 500 000 characters (the whole text is still stored and returned).
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, left(text, 500000)), 'B')
  ) STORED
);
CREATE INDEX documents_published_day ON documents(published_day);
CREATE INDEX documents_outlet ON documents(outlet_id);
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_tsv ON documents USING gin(tsv);

CREATE TABLE boilerplate (
  doc        bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  kind       text,
  data       json NOT NULL,
  PRIMARY KEY (doc, ord)
);

CREATE TABLE sentences (
  doc         bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord         integer NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  paragraph   integer,
  kind        text,
  token_start integer,
  token_end   integer,
  data        json NOT NULL,
  PRIMARY KEY (doc, ord)
);

CREATE TABLE times (
  doc        bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  type       text,
  value      text,
  mod        text,
  data       json NOT NULL,
  PRIMARY KEY (doc, ord)
);
CREATE INDEX times_value ON times(value);

CREATE TABLE places (
  doc        bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  name       text,
  lat        double precision,
  lon        double precision,
  country    text,
  admin1     text,
  geoname_id bigint,
  kind       text,
  data       json NOT NULL,
  PRIMARY KEY (doc, ord)
);
CREATE INDEX places_geoname ON places(geoname_id);
CREATE INDEX places_name ON places(name);

CREATE TABLE quantities (
  doc        bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  low        double precision,
  high       double precision,
  best       double precision,
  approx     boolean,
  what       text,
  data       json NOT NULL,
  PRIMARY KEY (doc, ord)
);

CREATE TABLE events (
  doc             bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord             integer NOT NULL,
  span_start      integer NOT NULL,
  span_end        integer NOT NULL,
  type            text,
  sub_type        text,
  date_start      text,
  date_end        text,
  date_precision  integer,
  location_name   text,
  lat             double precision,
  lon             double precision,
  country         text,
  admin1          text,
  geo_precision   integer,
  actor1          text,
  actor1_inter    integer,
  actor2          text,
  actor2_inter    integer,
  fatalities_low  double precision,
  fatalities_best double precision,
  fatalities_high double precision,
  certainty       text,
  data            json NOT NULL,
  PRIMARY KEY (doc, ord)
);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_country ON events(country);

CREATE TABLE event_sources (
  doc        bigint NOT NULL,
  event_ord  integer NOT NULL,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  text       text NOT NULL,
  PRIMARY KEY (doc, event_ord, ord),
  FOREIGN KEY (doc, event_ord) REFERENCES events(doc, ord) ON DELETE CASCADE
);

CREATE TABLE layer_items (
  doc        bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  layer      text NOT NULL,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  data       json NOT NULL,
  PRIMARY KEY (doc, layer, ord)
);
