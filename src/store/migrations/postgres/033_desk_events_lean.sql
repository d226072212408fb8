-- The desk's event table (032) made lean for counting: the filter columns in small rows keyed by an
-- integer, each event's JSON in a table of its own (read only for the rows of a page), terms by that
-- integer, and indexes that hold the review status beside the columns filtered most, so a count reads
-- indexes and small rows only. The rows are derived again from the picture at the next read.

DROP TABLE desk_event_terms;
DROP TABLE desk_events;

CREATE TABLE desk_events (
  rid           bigserial PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  base          TEXT NOT NULL,            -- the picture event it comes from (a split-off event: its parent)
  reviewed      INTEGER NOT NULL,         -- 1: made with reviews, derived again whenever reviews change
  stamp         BIGINT NOT NULL,         -- the sync that wrote it (a full pass drops rows it did not write)
  sort_key      TEXT COLLATE "C" NOT NULL,            -- start day|id, undated last
  date_start    TEXT COLLATE "C",
  date_end      TEXT COLLATE "C",
  lat           double precision,
  lon           double precision,
  place         TEXT,
  precision     INTEGER,
  country       TEXT,                     -- ISO 3166-1 alpha-2
  admin1        TEXT,
  type          TEXT NOT NULL,
  sub_type      TEXT NOT NULL,
  certainty     TEXT NOT NULL,
  deaths        INTEGER,
  corroboration INTEGER NOT NULL,
  status        TEXT NOT NULL             -- unreviewed, confirmed, corrected, rejected, merged, split
);
CREATE INDEX desk_events_base ON desk_events(base);
CREATE INDEX desk_events_sort ON desk_events(sort_key, status);
CREATE INDEX desk_events_start ON desk_events(date_start, date_end, status);
CREATE INDEX desk_events_country ON desk_events(country, status, sort_key);
CREATE INDEX desk_events_type ON desk_events(lower(type), status, sort_key);
CREATE INDEX desk_events_status ON desk_events(status);
CREATE INDEX desk_events_area ON desk_events(lat, lon, status);
CREATE INDEX desk_events_outlets ON desk_events(corroboration, status);
CREATE INDEX desk_events_reviewed ON desk_events(reviewed) WHERE reviewed = 1;

-- The event as the API gives it (src/report/model.ts ReportEvent).
CREATE TABLE desk_event_data (
  rid  BIGINT PRIMARY KEY,
  data TEXT NOT NULL
);

-- What words and lists filter on: kind w (a word of what full text searches), a (a word of an actor's
-- name), o (an outlet, lower case), n (an actor's name as written, for the actor facet). Terms compare
-- byte-wise (COLLATE "C"), so a word prefix is a range of the index.
CREATE TABLE desk_event_terms (
  kind  TEXT NOT NULL,
  term  TEXT COLLATE "C" NOT NULL,
  rid   BIGINT NOT NULL,
  label TEXT,
  PRIMARY KEY (kind, term, rid)
);
CREATE INDEX desk_event_terms_rid ON desk_event_terms(rid);

DELETE FROM desk_changes;
INSERT INTO desk_changes (event_id) SELECT id FROM pic_events;
UPDATE desk_meta SET value = '-1' WHERE key = 'overrides';
-- Bumped by every write to the desk's rows: a server keeps query results while it stays the same.
INSERT INTO desk_meta (key, value) VALUES ('version', '0');
