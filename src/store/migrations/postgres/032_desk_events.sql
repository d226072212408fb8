-- The desk (issue 13), part 3: the events the desk lists, filters, counts and pages, kept in tables so that
-- every read is a bounded query on indexes (src/desk/event-table.ts). A row is a picture event with every
-- review laid over it (src/desk/reviews.ts), or an event a review split off. The picture's tables belong to
-- the merge; a trigger notes which of its events changed (desk_changes), and the desk brings its rows up to
-- date from that queue before it reads — work in proportion to what changed, not to the store.

CREATE TABLE desk_changes (
  seq      bigserial PRIMARY KEY,
  event_id TEXT NOT NULL
);
CREATE FUNCTION desk_note_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN INSERT INTO desk_changes (event_id) VALUES (OLD.id); END IF;
  IF TG_OP <> 'DELETE' THEN INSERT INTO desk_changes (event_id) VALUES (NEW.id); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER desk_pic_events_change AFTER INSERT OR UPDATE OR DELETE ON pic_events
  FOR EACH ROW EXECUTE FUNCTION desk_note_event_change();
-- A store that already has a picture: every event is new to the desk.
INSERT INTO desk_changes (event_id) SELECT id FROM pic_events;

CREATE TABLE desk_events (
  id            TEXT PRIMARY KEY,
  base          TEXT NOT NULL,            -- the picture event it comes from (a split-off event: its parent)
  reviewed      INTEGER NOT NULL,         -- 1: made with reviews, derived again whenever reviews change
  stamp         BIGINT NOT NULL,          -- the sync that wrote it (a full pass drops rows it did not write)
  sort_key      TEXT COLLATE "C" NOT NULL, -- start day|id, undated last
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
  status        TEXT NOT NULL,            -- unreviewed, confirmed, corrected, rejected, merged, split
  data          TEXT NOT NULL             -- the event as the API gives it (src/report/model.ts ReportEvent)
);
CREATE INDEX desk_events_base ON desk_events(base);
CREATE INDEX desk_events_sort ON desk_events(sort_key);
CREATE INDEX desk_events_start ON desk_events(date_start);
CREATE INDEX desk_events_country ON desk_events(country, sort_key);
CREATE INDEX desk_events_type ON desk_events(lower(type), sort_key);
CREATE INDEX desk_events_status ON desk_events(status);
CREATE INDEX desk_events_area ON desk_events(lat, lon);
CREATE INDEX desk_events_reviewed ON desk_events(reviewed) WHERE reviewed = 1;

-- What words and lists filter on: kind w (a word of what full text searches), a (a word of an actor's
-- name), o (an outlet, lower case), n (an actor's name as written, for the actor facet). Terms compare
-- byte-wise (COLLATE "C"), so a word prefix is a range of the index.
CREATE TABLE desk_event_terms (
  kind  TEXT NOT NULL,
  term  TEXT COLLATE "C" NOT NULL,
  id    TEXT NOT NULL,
  label TEXT,
  PRIMARY KEY (kind, term, id)
);
CREATE INDEX desk_event_terms_id ON desk_event_terms(id);

CREATE TABLE desk_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- The last review laid over the rows (reviews added since are applied at the next read).
INSERT INTO desk_meta (key, value) VALUES ('overrides', '-1');
INSERT INTO desk_meta (key, value) VALUES ('stamp', '0');
INSERT INTO desk_meta (key, value) VALUES ('orphans', '0');

-- The documents of an event page, and the reports of an override's anchor, found by document id.
CREATE INDEX desk_pic_docs_id ON pic_docs(id);
