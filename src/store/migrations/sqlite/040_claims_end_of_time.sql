-- Undated claims of undated documents move to the end of time in the claims index (src/store/picture/sql.ts
-- END_OF_TIME): they come after every dated document's claims in canonical order, and a query for the
-- claims before a dated claim no longer meets them (the cost of storing a document stopped growing with the
-- number of undated documents about its places). Queries that may need them look there too; the picture
-- does not change.
UPDATE pic_claims_box SET d0 = 9999999
WHERE d0 <= -10000000 AND cid IN (SELECT p.cid FROM pic_claims p JOIN pic_docs d ON d.doc = p.doc WHERE d.day IS NULL);
