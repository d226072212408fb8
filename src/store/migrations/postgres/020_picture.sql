-- The situation picture, kept up to date as documents are stored: the same tables as the SQLite schema
-- (src/store/migrations/sqlite/020_picture.sql, which explains them), with the spatial indexes as GiST
-- indexes over boxes: (days) × (latitude), the kind of item folded into the second axis (kind × 1000 +
-- latitude + 90), longitude filtered from its column.

CREATE TABLE pic_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO pic_meta (key, value) SELECT 'state', CASE WHEN EXISTS (SELECT 1 FROM documents) THEN 'stale' ELSE 'ok' END;
INSERT INTO pic_meta (key, value) VALUES ('version', '1');
-- Counts changes to the picture (a sequence: workers never wait for each other on it).
CREATE SEQUENCE pic_generation;

CREATE TABLE pic_docs (
  doc      bigint PRIMARY KEY REFERENCES documents(pk) ON DELETE CASCADE,
  key      text NOT NULL UNIQUE,
  id       text NOT NULL,
  outlet   text,
  day      text,
  sort_key text NOT NULL,
  ref      text NOT NULL,
  data     text NOT NULL
);
CREATE INDEX pic_docs_sort ON pic_docs(sort_key);
CREATE INDEX pic_docs_day ON pic_docs(day);

CREATE TABLE pic_places (
  key        text PRIMARY KEY,
  entity     text NOT NULL,
  ord_key    text NOT NULL,
  norm       text NOT NULL,
  name       text NOT NULL,
  lat        double precision NOT NULL,
  lon        double precision NOT NULL,
  country    text NOT NULL,
  admin1     text,
  kind       text NOT NULL,
  geoname_id bigint
);
CREATE INDEX pic_places_entity ON pic_places(entity);
CREATE INDEX pic_places_area ON pic_places(country, lat, lon);
CREATE INDEX pic_places_norm ON pic_places(norm);

CREATE TABLE pic_place_refs (
  place_key text NOT NULL,
  doc       bigint NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  PRIMARY KEY (place_key, doc)
);
CREATE INDEX pic_place_refs_doc ON pic_place_refs(doc);

CREATE TABLE pic_place_names (
  norm      text NOT NULL,
  place_key text NOT NULL,
  PRIMARY KEY (norm, place_key)
);

CREATE TABLE pic_mentions (
  doc        bigint NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  ord        integer NOT NULL,
  place_key  text NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  text       text NOT NULL,
  PRIMARY KEY (doc, ord)
);
CREATE INDEX pic_mentions_place ON pic_mentions(place_key);

CREATE TABLE pic_reports (
  rid     bigserial PRIMARY KEY,
  key     text NOT NULL UNIQUE,
  doc     bigint NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  ord_key text NOT NULL,
  seed    text,
  reason  text,
  lat     double precision,
  lon     double precision,
  bx      box,
  data    text NOT NULL
);
CREATE INDEX pic_reports_seed ON pic_reports(seed);
CREATE INDEX pic_reports_doc ON pic_reports(doc);
CREATE INDEX pic_reports_bx ON pic_reports USING gist (bx);

CREATE TABLE pic_events (
  eid        bigserial PRIMARY KEY,
  seed       text NOT NULL UNIQUE,
  id         text NOT NULL UNIQUE,
  sort_key   text NOT NULL,
  date_start text,
  date_end   text,
  type       text NOT NULL,
  sub_type   text NOT NULL,
  certainty  text NOT NULL,
  country    text,
  lat        double precision,
  lon        double precision,
  place_key  text,
  territory  integer NOT NULL,
  bx         box NOT NULL,
  data       text NOT NULL
);
CREATE INDEX pic_events_sort ON pic_events(sort_key);
CREATE INDEX pic_events_place ON pic_events(place_key);
CREATE INDEX pic_events_country ON pic_events(country, sort_key);
CREATE INDEX pic_events_type ON pic_events(type, sort_key);
CREATE INDEX pic_events_bx ON pic_events USING gist (bx);
CREATE TABLE pic_event_actors (
  eid   bigint NOT NULL REFERENCES pic_events(eid) ON DELETE CASCADE,
  name  text NOT NULL,
  alias integer NOT NULL,
  PRIMARY KEY (eid, name)
);
CREATE INDEX pic_event_actors_alias ON pic_event_actors(alias);
CREATE TABLE pic_event_outlets (
  eid    bigint NOT NULL REFERENCES pic_events(eid) ON DELETE CASCADE,
  outlet text NOT NULL,
  PRIMARY KEY (eid, outlet)
);
CREATE INDEX pic_event_outlets_outlet ON pic_event_outlets(outlet);

CREATE TABLE pic_claims (
  cid     bigserial PRIMARY KEY,
  key     text NOT NULL UNIQUE,
  doc     bigint NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  ord_key text NOT NULL,
  seed    text,
  thing   text NOT NULL,
  report  text,
  lat     double precision,
  lon     double precision,
  bx      box,
  data    text NOT NULL
);
CREATE INDEX pic_claims_seed ON pic_claims(seed);
CREATE INDEX pic_claims_doc ON pic_claims(doc);
CREATE INDEX pic_claims_report ON pic_claims(report);
CREATE INDEX pic_claims_bx ON pic_claims USING gist (bx);

CREATE TABLE pic_figures (
  fid        bigserial PRIMARY KEY,
  seed       text NOT NULL UNIQUE,
  id         text NOT NULL UNIQUE,
  sort_key   text NOT NULL,
  when_start text,
  when_end   text,
  lat        double precision,
  lon        double precision,
  bx         box NOT NULL,
  data       text NOT NULL
);
CREATE INDEX pic_figures_sort ON pic_figures(sort_key);
CREATE INDEX pic_figures_bx ON pic_figures USING gist (bx);

CREATE TABLE pic_controls (
  xid       bigserial PRIMARY KEY,
  key       text NOT NULL UNIQUE,
  doc       bigint NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  place_key text NOT NULL,
  data      text NOT NULL
);
CREATE INDEX pic_controls_place ON pic_controls(place_key);
CREATE INDEX pic_controls_doc ON pic_controls(doc);

CREATE TABLE pic_control (
  entity   text NOT NULL,
  ckey     text NOT NULL,
  sort_key text NOT NULL,
  data     text NOT NULL,
  PRIMARY KEY (entity, ckey)
);
