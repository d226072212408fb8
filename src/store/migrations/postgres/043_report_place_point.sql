-- The reports at a place key are looked up only for those outside the box the spatial index was asked
-- for (src/store/picture/sql.ts reportCandidates): with the point in the index, the rows at a busy key
-- (thousands at 4,000 bench documents) are passed over in the index without reading them.
DROP INDEX pic_reports_place;
CREATE INDEX pic_reports_place_point ON pic_reports(place_key, lat, lon);
