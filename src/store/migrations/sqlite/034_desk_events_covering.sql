-- The desk's event rows (033) read from indexes alone (issue 13: GET /api/events under load). Each filter's
-- index carries the other filters' columns and the sort keys after its own, so a count or a page driven by
-- one filter checks the others inside the index instead of looking up each row; each sort has an index in
-- its order, walked until a page is full when many rows match (src/desk/event-table.ts SORT_INDEX).
-- Indexes only: no row changes.

DROP INDEX IF EXISTS desk_events_sort;
DROP INDEX IF EXISTS desk_events_start;
DROP INDEX IF EXISTS desk_events_country;
DROP INDEX IF EXISTS desk_events_type;
DROP INDEX IF EXISTS desk_events_area;
DROP INDEX IF EXISTS desk_events_outlets;

-- Sorts: date, newest first, deaths (most first, fewest first), outlets (most first, fewest first).
CREATE INDEX desk_events_sort ON desk_events(sort_key, status, country, lower(type), lower(certainty), corroboration, date_start, date_end, lat, lon, deaths);
CREATE INDEX desk_events_recent ON desk_events((date_start IS NULL), sort_key DESC, status, country, lower(type), lower(certainty), corroboration, date_start, date_end, lat, lon, deaths);
CREATE INDEX desk_events_deaths ON desk_events(coalesce(deaths, -1) DESC, sort_key, status, country, lower(type), lower(certainty), corroboration, date_start, date_end, lat, lon, deaths);
CREATE INDEX desk_events_deaths_up ON desk_events(coalesce(deaths, -1), sort_key, status, country, lower(type), lower(certainty), corroboration, date_start, date_end, lat, lon, deaths);
CREATE INDEX desk_events_outlets ON desk_events(corroboration DESC, sort_key, status, country, lower(type), lower(certainty), date_start, date_end, lat, lon, deaths);
CREATE INDEX desk_events_outlets_up ON desk_events(corroboration, sort_key, status, country, lower(type), lower(certainty), date_start, date_end, lat, lon, deaths);

-- Filters: country, type, certainty, period, area.
CREATE INDEX desk_events_country ON desk_events(country, status, lower(type), lower(certainty), corroboration, date_start, date_end, lat, lon, deaths, sort_key);
CREATE INDEX desk_events_type ON desk_events(lower(type), status, country, lower(certainty), corroboration, date_start, date_end, lat, lon, deaths, sort_key);
CREATE INDEX desk_events_certainty ON desk_events(lower(certainty), status, country, lower(type), corroboration, date_start, date_end, lat, lon, deaths, sort_key);
CREATE INDEX desk_events_start ON desk_events(date_start, date_end, status, country, lower(type), lower(certainty), corroboration, lat, lon, deaths, sort_key);
CREATE INDEX desk_events_area ON desk_events(lat, lon, status, country, lower(type), lower(certainty), corroboration, date_start, date_end, deaths, sort_key);
