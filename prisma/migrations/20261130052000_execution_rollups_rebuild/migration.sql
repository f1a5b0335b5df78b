-- Rebuilds every execution rollup from the execution records, in one statement under a lock.
--
-- 20261130003052_execution_rollups created its triggers and then backfilled in separate
-- statements, and migrations run statement by statement (each committed on its own): on PostgreSQL
-- with several instances, an instance still running the previous version could insert executions
-- between the two, which the trigger counted and the backfill counted again. This rebuild holds a
-- lock that keeps every writer of "Execution" out while it runs (SHARE ROW EXCLUSIVE: inserts,
-- updates and deletes wait, reads go on), so the rollups it leaves equal the records, and the
-- triggers keep them so from there. One DO statement (\073 is a semicolon: the statement splitter
-- must not cut the block). It reads every execution once: seconds at a million records.
DO E'
BEGIN
  LOCK TABLE "Execution" IN SHARE ROW EXCLUSIVE MODE\073
  DELETE FROM "ExecutionRollup"\073
INSERT INTO "ExecutionRollup" ("projectId", "bucketSeconds", "bucketStart", "toolName", "environment", "calls", "errors", "ran", "durationSumMs", "histogram")
SELECT "projectId", "bucketSeconds", "bucketStart", "toolName", "environment",
       SUM(n)::integer, SUM(errors)::integer,
       COALESCE(SUM(n) FILTER (WHERE slot IS NOT NULL), 0)::integer,
       COALESCE(SUM(duration) FILTER (WHERE slot IS NOT NULL), 0)::bigint,
       execution_histogram(array_agg(slot) FILTER (WHERE slot IS NOT NULL), array_agg(n) FILTER (WHERE slot IS NOT NULL))
FROM (
  SELECT e."projectId", level.seconds AS "bucketSeconds",
         date_bin(make_interval(secs => level.seconds), e."createdAt", TIMESTAMP ''2000-01-01'') AS "bucketStart",
         e."toolName", e."environment",
         CASE WHEN e."errorType" IS NULL OR e."errorType" NOT IN (''rate_limited'', ''auth'') THEN execution_latency_slot(e."durationMs") END AS slot,
         COUNT(*) AS n, COUNT(*) FILTER (WHERE e."status" = ''ERROR'') AS errors, SUM(e."durationMs") AS duration
  FROM "Execution" AS e CROSS JOIN unnest(ARRAY[60, 600, 3600, 86400]) AS level(seconds)
  GROUP BY 1, 2, 3, 4, 5, 6
) AS slotted
GROUP BY 1, 2, 3, 4, 5\073
END
';
