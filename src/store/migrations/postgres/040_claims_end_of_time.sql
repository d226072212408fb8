-- Undated claims of undated documents move to the end of time in the claims index (src/store/picture/sql.ts
-- END_OF_TIME): they come after every dated document's claims in canonical order, and a query for the
-- claims before a dated claim no longer meets them (the cost of storing a document stopped growing with the
-- number of undated documents about its places). Queries that may need them look there too; the picture
-- does not change. A box's first corner is its upper right: (bx[0])[1] is the claim's row (thing and latitude).
UPDATE pic_claims p SET bx = box(point(9999999, (p.bx[0])[1]), point(10000000, (p.bx[0])[1]))
WHERE p.bx IS NOT NULL AND (p.bx[1])[0] <= -10000000 AND p.doc IN (SELECT d.doc FROM pic_docs d WHERE d.day IS NULL);
