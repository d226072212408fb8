-- Two facts about each report that decide, before it is read, whether another report can ever be one event
-- with it (src/merge/coref.ts canJoin), so the queries for a report's candidates leave out those it can
-- never join. The picture does not change; the defaults (0, 1) keep a row among the candidates.
-- `vague` (vagueReport): more than 14 days, or a region. A vague report joins, and is joined by, reports of
-- its own sub-type only: at 4,000 bench documents the vague reports of other sub-types were 89% of what a
-- dated report's query read, and their number grows with the reports about a place.
-- `tolled` (hasToll) and `place_key`: a dated and an undated report are one event only when both give a
-- death toll that agrees and they name one place (undatedJoin, samePlace: the same place key, or points 25
-- km apart at most): an undated report's query, which reads every dated report of its sub-type at its
-- place over all time, reads only those with a toll, by place key and within 25 km, and none when it has
-- no toll.
ALTER TABLE pic_reports ADD COLUMN vague integer NOT NULL DEFAULT 0;
ALTER TABLE pic_reports ADD COLUMN tolled integer NOT NULL DEFAULT 1;
UPDATE pic_reports SET vague = 1
WHERE (data::json->'location'->>'precision') = '3'
   OR (data::json->'days'->>'start' IS NOT NULL
       AND (data::json->'days'->>'end')::date - (data::json->'days'->>'start')::date + 1 > 14);
UPDATE pic_reports SET tolled = 0
WHERE data::json->'fatalities'->>'low' IS NULL AND data::json->'fatalities'->>'best' IS NULL
  AND data::json->'fatalities'->>'high' IS NULL;
ALTER TABLE pic_reports ADD COLUMN place_key text;
UPDATE pic_reports SET place_key = data::json->>'placeKey';
CREATE INDEX pic_reports_place ON pic_reports(place_key);
