-- A place's control history reads the territory changes coded at its place keys (src/store/picture/sql.ts
-- eventsAt). Through an index of the place key alone it visited every event at the key to keep the few
-- that change territory (at 4,000 bench documents, one in six); with the flag in the index it reads those
-- only. The place key leads, so the queries by place key alone use it as they used the old index.
DROP INDEX pic_events_place;
CREATE INDEX pic_events_place ON pic_events(place_key, territory);
