-- The situation picture, kept up to date as documents are stored (docs/store.md, "The picture"): what each
-- document adds (place keys and mentions, event reports, figure claims, control sentences) and what the merge
-- makes of them (place entities, merged events, figures, control histories). Items are kept as JSON (`data`)
-- with the columns queries filter on. Each item's group is its `seed`: the key of the group's first item in
-- canonical order (src/store/picture/engine.ts). R*Tree indexes over (days, latitude, longitude, kind) find
-- the items one may be grouped with, and the events and figures of a period and area, without scanning.

CREATE TABLE pic_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- A store that already holds documents has no picture yet: it must be built (`sitrep rebuild`).
INSERT INTO pic_meta (key, value) SELECT 'state', CASE WHEN EXISTS (SELECT 1 FROM documents) THEN 'stale' ELSE 'ok' END;
INSERT INTO pic_meta (key, value) VALUES ('version', '1');
-- Counts changes to the picture: readers that cache something know when to read again.
INSERT INTO pic_meta (key, value) VALUES ('generation', '0');

CREATE TABLE pic_docs (
  doc      INTEGER PRIMARY KEY REFERENCES documents(pk) ON DELETE CASCADE,
  key      TEXT NOT NULL UNIQUE,          -- the content hash
  id       TEXT NOT NULL,
  outlet   TEXT,
  day      TEXT,                          -- publication day or NULL
  sort_key TEXT NOT NULL,                 -- day|id, undated last: the order documents are listed in
  ref      TEXT NOT NULL,                 -- the document as items refer to it (src/merge/items.ts DocRef)
  data     TEXT NOT NULL                  -- the document's DocItems without its items (title, url, layer counts, ...)
);
CREATE INDEX pic_docs_sort ON pic_docs(sort_key);
CREATE INDEX pic_docs_day ON pic_docs(day);

CREATE TABLE pic_places (
  key        TEXT PRIMARY KEY,            -- g<GeoNames id> or n:<country>:<name>:<lat>,<lon>
  entity     TEXT NOT NULL,               -- the key of the entity's seed
  ord_key    TEXT NOT NULL,
  norm       TEXT NOT NULL,               -- folded name, for --near
  name       TEXT NOT NULL,
  lat        REAL NOT NULL,
  lon        REAL NOT NULL,
  country    TEXT NOT NULL,
  admin1     TEXT,
  kind       TEXT NOT NULL,
  geoname_id INTEGER
);
CREATE INDEX pic_places_entity ON pic_places(entity);
CREATE INDEX pic_places_area ON pic_places(country, lat, lon);
CREATE INDEX pic_places_norm ON pic_places(norm);

-- Which documents use a place key (a key nobody uses any more leaves the picture).
CREATE TABLE pic_place_refs (
  place_key TEXT NOT NULL,
  doc       INTEGER NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  PRIMARY KEY (place_key, doc)
) WITHOUT ROWID;
CREATE INDEX pic_place_refs_doc ON pic_place_refs(doc);

-- Spellings of places as documents write them ("Irbil"), for --near.
CREATE TABLE pic_place_names (
  norm      TEXT NOT NULL,
  place_key TEXT NOT NULL,
  PRIMARY KEY (norm, place_key)
) WITHOUT ROWID;

CREATE TABLE pic_mentions (
  doc        INTEGER NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  place_key  TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX pic_mentions_place ON pic_mentions(place_key);

CREATE TABLE pic_reports (
  rid     INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,           -- <doc key>:e<ord>
  doc     INTEGER NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  ord_key TEXT NOT NULL,                  -- canonical order (src/merge/coref.ts reportOrder)
  seed    TEXT,                           -- the event it belongs to (the key of its first report)
  reason  TEXT,                           -- why it joined
  lat     REAL,
  lon     REAL,
  data    TEXT NOT NULL                   -- the ReportItem
);
CREATE INDEX pic_reports_seed ON pic_reports(seed);
CREATE INDEX pic_reports_doc ON pic_reports(doc);
-- Dated, placed reports: days (day numbers) × latitude × longitude × type family.
CREATE VIRTUAL TABLE pic_reports_box USING rtree(rid, d0, d1, lat0, lat1, lon0, lon1, fam0, fam1);

CREATE TABLE pic_events (
  eid        INTEGER PRIMARY KEY,
  seed       TEXT NOT NULL UNIQUE,
  id         TEXT NOT NULL UNIQUE,
  sort_key   TEXT NOT NULL,               -- start day|id, undated last
  date_start TEXT,
  date_end   TEXT,
  type       TEXT NOT NULL,
  sub_type   TEXT NOT NULL,
  certainty  TEXT NOT NULL,
  country    TEXT,
  lat        REAL,
  lon        REAL,
  place_key  TEXT,
  territory  INTEGER NOT NULL,            -- 1 for a change of territory (it enters the place's control history)
  data       TEXT NOT NULL                -- the MergedEvent
);
CREATE INDEX pic_events_sort ON pic_events(sort_key);
CREATE INDEX pic_events_place ON pic_events(place_key);
CREATE INDEX pic_events_country ON pic_events(country, sort_key);
CREATE INDEX pic_events_type ON pic_events(type, sort_key);
CREATE VIRTUAL TABLE pic_events_box USING rtree(eid, d0, d1, lat0, lat1, lon0, lon1);
CREATE TABLE pic_event_actors (
  eid   INTEGER NOT NULL REFERENCES pic_events(eid) ON DELETE CASCADE,
  name  TEXT NOT NULL,                    -- folded
  alias INTEGER NOT NULL,                 -- alias group (src/merge/actors.ts), -1 for none
  PRIMARY KEY (eid, name)
) WITHOUT ROWID;
CREATE INDEX pic_event_actors_alias ON pic_event_actors(alias);
CREATE TABLE pic_event_outlets (
  eid    INTEGER NOT NULL REFERENCES pic_events(eid) ON DELETE CASCADE,
  outlet TEXT NOT NULL,                   -- compared loosely (src/merge/input.ts outletKey)
  PRIMARY KEY (eid, outlet)
) WITHOUT ROWID;
CREATE INDEX pic_event_outlets_outlet ON pic_event_outlets(outlet);

CREATE TABLE pic_claims (
  cid     INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,           -- <doc key>:f<ord>
  doc     INTEGER NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  ord_key TEXT NOT NULL,
  seed    TEXT,                           -- the figure it belongs to
  thing   TEXT NOT NULL,                  -- head|predicate
  report  TEXT,                           -- the report holding it
  lat     REAL,
  lon     REAL,
  data    TEXT NOT NULL                   -- the ClaimItem
);
CREATE INDEX pic_claims_seed ON pic_claims(seed);
CREATE INDEX pic_claims_doc ON pic_claims(doc);
CREATE INDEX pic_claims_report ON pic_claims(report);
-- Placed claims: days (all time for an undated one) × latitude × longitude × counted thing (a hash).
CREATE VIRTUAL TABLE pic_claims_box USING rtree(cid, d0, d1, lat0, lat1, lon0, lon1, code0, code1);

CREATE TABLE pic_figures (
  fid        INTEGER PRIMARY KEY,
  seed       TEXT NOT NULL UNIQUE,
  id         TEXT NOT NULL UNIQUE,
  sort_key   TEXT NOT NULL,               -- contested first, then several claims, then by date and id
  when_start TEXT,
  when_end   TEXT,
  lat        REAL,
  lon        REAL,
  data       TEXT NOT NULL                -- the Figure
);
CREATE INDEX pic_figures_sort ON pic_figures(sort_key);
CREATE VIRTUAL TABLE pic_figures_box USING rtree(fid, d0, d1, lat0, lat1, lon0, lon1);

CREATE TABLE pic_controls (
  xid       INTEGER PRIMARY KEY,
  key       TEXT NOT NULL UNIQUE,         -- <doc key>:c<ord>
  doc       INTEGER NOT NULL REFERENCES pic_docs(doc) ON DELETE CASCADE,
  place_key TEXT NOT NULL,
  data      TEXT NOT NULL                 -- the ControlItem
);
CREATE INDEX pic_controls_place ON pic_controls(place_key);
CREATE INDEX pic_controls_doc ON pic_controls(doc);

-- Each place entity's control history, oldest change first.
CREATE TABLE pic_control (
  entity   TEXT NOT NULL,
  ckey     TEXT NOT NULL,                 -- the change's identity (its event id, or its first sentence's key)
  sort_key TEXT NOT NULL,                 -- its place in the history
  data     TEXT NOT NULL,                 -- the ControlChange
  PRIMARY KEY (entity, ckey)
) WITHOUT ROWID;
