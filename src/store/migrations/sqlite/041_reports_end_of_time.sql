-- Undated reports move to the end of time in the reports index (src/store/picture/sql.ts reportDays): they
-- come after every dated report in canonical order (src/merge/coref.ts reportOrder ranks them last), so a
-- dated report's decision never needs them, and the query for its candidates no longer meets every undated
-- report near it (the cost of storing a document stopped growing with the undated reports about its
-- places). The queries for the reports a change may move look there too; the picture does not change.
UPDATE pic_reports_box SET d0 = 9999999 WHERE d0 <= -10000000;
-- A report's sub-type as a column: a dated and an undated report are one event only with the same sub-type,
-- so the queries between them read only those.
ALTER TABLE pic_reports ADD COLUMN sub_type TEXT;
UPDATE pic_reports SET sub_type = json_extract(data, '$.subType');
