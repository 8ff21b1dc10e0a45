-- Issue 19: a record is written at registration and changed about once in its life (verified, or refused and
-- frozen). With half of each page left free, that change is a HOT update: the new row version stays on its page and
-- none of the records' three indexes gets a new entry. Measured: 500 status changes per batch took most of a batch's
-- time in PostgreSQL (docs/benchmarks.md, fifth round). New pages only; `VACUUM FULL records` in a quiet hour
-- rewrites the pages of a database created before (docs/operator-guide.md).
-- on PostgreSQL only:
ALTER TABLE records SET (fillfactor = 50);
