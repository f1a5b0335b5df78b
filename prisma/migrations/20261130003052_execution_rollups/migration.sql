-- DropIndex
DROP INDEX "Execution_projectId_createdAt_idx";

-- DropIndex
DROP INDEX "Execution_projectId_toolName_createdAt_idx";

-- CreateTable
CREATE TABLE "ExecutionRollup" (
    "projectId" TEXT NOT NULL,
    "bucketSeconds" INTEGER NOT NULL,
    "bucketStart" TIMESTAMP(3) NOT NULL,
    "toolName" TEXT NOT NULL,
    "environment" "Environment" NOT NULL,
    "calls" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "ran" INTEGER NOT NULL,
    "durationSumMs" BIGINT NOT NULL,
    "histogram" INTEGER[],

    CONSTRAINT "ExecutionRollup_pkey" PRIMARY KEY ("projectId","bucketSeconds","bucketStart","toolName","environment")
);

-- CreateIndex
CREATE INDEX "Execution_projectId_createdAt_id_idx" ON "Execution"("projectId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Execution_projectId_toolName_createdAt_id_idx" ON "Execution"("projectId", "toolName", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Execution_projectId_environment_createdAt_id_idx" ON "Execution"("projectId", "environment", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Execution_projectId_status_createdAt_id_idx" ON "Execution"("projectId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Execution_projectId_errorType_createdAt_id_idx" ON "Execution"("projectId", "errorType", "createdAt", "id");

-- AddForeignKey
ALTER TABLE "ExecutionRollup" ADD CONSTRAINT "ExecutionRollup_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Execution rollups (read by getExecutionStats, lib/executions/executions.ts). Everything below is outside Prisma's schema
-- language: functions, the triggers that maintain "ExecutionRollup", and the backfill.

-- The latency slot (1-based) of a duration: one slot per millisecond below 16 ms, then slots
-- 2^(1/8) wide (lower bounds ceil(16 * 2^(j/8)), j = 0…128), the last one open-ended from
-- 1,048,576 ms. lib/executions/latency-histogram.ts holds the same bounds (a test checks).
CREATE FUNCTION "execution_latency_slot"(duration_ms integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT width_bucket(GREATEST(duration_ms, 0), '{0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,18,20,21,23,25,27,30,32,35,39,42,46,50,54,59,64,70,77,83,91,99,108,118,128,140,153,166,182,198,216,235,256,280,305,332,363,395,431,470,512,559,609,664,725,790,862,940,1024,1117,1218,1328,1449,1580,1723,1879,2048,2234,2436,2656,2897,3159,3445,3757,4096,4467,4871,5312,5793,6317,6889,7513,8192,8934,9742,10624,11586,12634,13778,15025,16384,17867,19484,21248,23171,25268,27555,30049,32768,35734,38968,42495,46341,50536,55109,60097,65536,71468,77936,84990,92682,101071,110218,120194,131072,142936,155872,169980,185364,202141,220436,240388,262144,285871,311744,339959,370728,404282,440872,480775,524288,571741,623488,679918,741456,808563,881744,961549,1048576}'::integer[])
$$;

-- A dense histogram (count per slot, up to the last slot with a count) from sparse (slot, count)
-- pairs. Single expressions, so that PostgreSQL inlines them into the statements using them.
CREATE FUNCTION "execution_histogram"(slots integer[], counts bigint[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT COALESCE(counts[array_position(slots, slot)], 0)::integer
    FROM generate_series(1, (SELECT max(s) FROM unnest(slots) AS s)) AS slot
  )
$$;

-- Two histograms added slot by slot (the shorter one padded with zeros).
CREATE FUNCTION "execution_histogram_merge"(a integer[], b integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT COALESCE(u.x, 0) + COALESCE(u.y, 0) FROM unnest(a, b) AS u(x, y))
$$;

-- Adds the inserted rows to their rollups and takes the deleted ones out, in the statement that
-- writes them: 1 min, 10 min, 1 h and 1 day buckets (UTC), per project, tool and environment.
-- Keys are written in a fixed order so that concurrent statements lock rollup rows in the same
-- order (no deadlocks). A deleted row's rollup always exists, unless its project is being deleted
-- (the rollup goes with it): those are skipped. Rollups left with no calls are removed.
-- The body is an E'' string whose statement separators are written \073: Prisma's PostgreSQL
-- adapter runs a migration split at every semicolon, even inside a function body.
CREATE FUNCTION "execution_rollup_apply"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP IN (''DELETE'', ''UPDATE'') THEN
    WITH slotted AS (
      SELECT e."projectId", level.seconds AS "bucketSeconds",
             date_bin(make_interval(secs => level.seconds), e."createdAt", TIMESTAMP ''2000-01-01'') AS "bucketStart",
             e."toolName", e."environment",
             CASE WHEN e."errorType" IS NULL OR e."errorType" NOT IN (''rate_limited'', ''auth'') THEN execution_latency_slot(e."durationMs") END AS slot,
             COUNT(*) AS n, COUNT(*) FILTER (WHERE e."status" = ''ERROR'') AS errors, SUM(e."durationMs") AS duration
      FROM old_rows AS e CROSS JOIN unnest(ARRAY[60, 600, 3600, 86400]) AS level(seconds)
      GROUP BY 1, 2, 3, 4, 5, 6
    )
    INSERT INTO "ExecutionRollup" AS r ("projectId", "bucketSeconds", "bucketStart", "toolName", "environment", "calls", "errors", "ran", "durationSumMs", "histogram")
    SELECT "projectId", "bucketSeconds", "bucketStart", "toolName", "environment",
           -SUM(n)::integer, -SUM(errors)::integer,
           -COALESCE(SUM(n) FILTER (WHERE slot IS NOT NULL), 0)::integer,
           -COALESCE(SUM(duration) FILTER (WHERE slot IS NOT NULL), 0)::bigint,
           execution_histogram(array_agg(slot) FILTER (WHERE slot IS NOT NULL), array_agg(-n) FILTER (WHERE slot IS NOT NULL))
    FROM slotted
    WHERE EXISTS (SELECT 1 FROM "Project" p WHERE p."id" = slotted."projectId")
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("projectId", "bucketSeconds", "bucketStart", "toolName", "environment") DO UPDATE SET
      "calls" = r."calls" + excluded."calls",
      "errors" = r."errors" + excluded."errors",
      "ran" = r."ran" + excluded."ran",
      "durationSumMs" = r."durationSumMs" + excluded."durationSumMs",
      "histogram" = execution_histogram_merge(r."histogram", excluded."histogram")\073

    DELETE FROM "ExecutionRollup" AS r
    USING (
      SELECT "projectId", min("createdAt") - INTERVAL ''1 day'' AS low, max("createdAt") AS high FROM old_rows GROUP BY "projectId"
    ) AS span
    WHERE r."projectId" = span."projectId" AND r."bucketSeconds" IN (60, 600, 3600, 86400)
      AND r."bucketStart" BETWEEN span.low AND span.high AND r."calls" = 0\073
  END IF\073

  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    WITH slotted AS (
      SELECT e."projectId", level.seconds AS "bucketSeconds",
             date_bin(make_interval(secs => level.seconds), e."createdAt", TIMESTAMP ''2000-01-01'') AS "bucketStart",
             e."toolName", e."environment",
             CASE WHEN e."errorType" IS NULL OR e."errorType" NOT IN (''rate_limited'', ''auth'') THEN execution_latency_slot(e."durationMs") END AS slot,
             COUNT(*) AS n, COUNT(*) FILTER (WHERE e."status" = ''ERROR'') AS errors, SUM(e."durationMs") AS duration
      FROM new_rows AS e CROSS JOIN unnest(ARRAY[60, 600, 3600, 86400]) AS level(seconds)
      GROUP BY 1, 2, 3, 4, 5, 6
    )
    INSERT INTO "ExecutionRollup" AS r ("projectId", "bucketSeconds", "bucketStart", "toolName", "environment", "calls", "errors", "ran", "durationSumMs", "histogram")
    SELECT "projectId", "bucketSeconds", "bucketStart", "toolName", "environment",
           SUM(n)::integer, SUM(errors)::integer,
           COALESCE(SUM(n) FILTER (WHERE slot IS NOT NULL), 0)::integer,
           COALESCE(SUM(duration) FILTER (WHERE slot IS NOT NULL), 0)::bigint,
           execution_histogram(array_agg(slot) FILTER (WHERE slot IS NOT NULL), array_agg(n) FILTER (WHERE slot IS NOT NULL))
    FROM slotted
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("projectId", "bucketSeconds", "bucketStart", "toolName", "environment") DO UPDATE SET
      "calls" = r."calls" + excluded."calls",
      "errors" = r."errors" + excluded."errors",
      "ran" = r."ran" + excluded."ran",
      "durationSumMs" = r."durationSumMs" + excluded."durationSumMs",
      "histogram" = execution_histogram_merge(r."histogram", excluded."histogram")\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Execution_rollup_insert" AFTER INSERT ON "Execution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "execution_rollup_apply"();
CREATE TRIGGER "Execution_rollup_delete" AFTER DELETE ON "Execution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "execution_rollup_apply"();
CREATE TRIGGER "Execution_rollup_update" AFTER UPDATE ON "Execution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "execution_rollup_apply"();

-- Backfill: the rollups of the executions recorded before this migration.
INSERT INTO "ExecutionRollup" ("projectId", "bucketSeconds", "bucketStart", "toolName", "environment", "calls", "errors", "ran", "durationSumMs", "histogram")
SELECT "projectId", "bucketSeconds", "bucketStart", "toolName", "environment",
       SUM(n)::integer, SUM(errors)::integer,
       COALESCE(SUM(n) FILTER (WHERE slot IS NOT NULL), 0)::integer,
       COALESCE(SUM(duration) FILTER (WHERE slot IS NOT NULL), 0)::bigint,
       execution_histogram(array_agg(slot) FILTER (WHERE slot IS NOT NULL), array_agg(n) FILTER (WHERE slot IS NOT NULL))
FROM (
  SELECT e."projectId", level.seconds AS "bucketSeconds",
         date_bin(make_interval(secs => level.seconds), e."createdAt", TIMESTAMP '2000-01-01') AS "bucketStart",
         e."toolName", e."environment",
         CASE WHEN e."errorType" IS NULL OR e."errorType" NOT IN ('rate_limited', 'auth') THEN execution_latency_slot(e."durationMs") END AS slot,
         COUNT(*) AS n, COUNT(*) FILTER (WHERE e."status" = 'ERROR') AS errors, SUM(e."durationMs") AS duration
  FROM "Execution" AS e CROSS JOIN unnest(ARRAY[60, 600, 3600, 86400]) AS level(seconds)
  GROUP BY 1, 2, 3, 4, 5, 6
) AS slotted
GROUP BY 1, 2, 3, 4, 5;
