-- 044 put the territory flag into pic_events_place; with that wider index SQLite chose worse plans for the
-- report's reads by place (everything as Markdown over 4,000 bench documents: 8% more CPU). The place-key
-- index is as it was, and the territory changes a control history reads have an index of their own, holding
-- only them (src/store/picture/sql.ts eventsAt).
DROP INDEX pic_events_place;
CREATE INDEX pic_events_place ON pic_events(place_key);
CREATE INDEX pic_events_territory ON pic_events(place_key, sort_key) WHERE territory = 1;
