-- The desk (issue 13), part 2: reviews of events and saved desks.
-- An override is one editor's change to one event (confirm, correct, reject, restore, split, merge). It is
-- laid over the picture whenever events are read, never written into it, so rebuilding the picture from
-- the documents keeps every review (src/desk/reviews.ts). `anchor` holds the event's reports when it was
-- reviewed (JSON [{documentId, start, end}]), to find the event again if its id changes.

CREATE TABLE desk_overrides (
  id         INTEGER PRIMARY KEY,
  event_id   TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('confirm', 'correct', 'reject', 'restore', 'split', 'merge')),
  data       TEXT NOT NULL,
  anchor     TEXT NOT NULL,
  account    TEXT,
  at         TEXT NOT NULL,
  why        TEXT
);
CREATE INDEX desk_overrides_event ON desk_overrides(event_id, id);

-- A desk: a saved view of one crisis (its filters: countries or a bounding box, a period, types …), with
-- its own report, feed and export at links built from those filters.
CREATE TABLE desk_views (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT,
  query       TEXT NOT NULL,             -- the filters as URL query parameters (src/desk/filter.ts)
  created_by  TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
