-- Every accepted heartbeat rewrites its key's row, and last_seen changes each time. With last_seen indexed (twice:
-- the liveness sweep's partial index and the retention sweep's), no update could be a heap-only tuple (HOT) update,
-- so each heartbeat wrote new entries into every index of the table (PostgreSQL documentation, "Heap-Only Tuples").
-- The two sweeps that read last_seen run every few seconds and minutes over a table of one row per node; they scan it
-- instead (docs/performance.md, "Heartbeat writes"). Room on each page (fillfactor) lets the updated row stay on its
-- page, which HOT needs; it applies to pages written from now on.
DROP INDEX IF EXISTS local_validator_heartbeats_live_idx;
DROP INDEX IF EXISTS local_validator_heartbeats_last_seen_idx;
ALTER TABLE local_validator_heartbeats SET (fillfactor = 80);
