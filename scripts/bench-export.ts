// Audit log exports, measured: 100 k events downloaded as CSV and as JSON Lines.
//
// Seeds a fresh PGlite data directory (migrated, one owner and organization, BENCH_EXPORT_EVENTS
// audit events inserted with generate_series: varied actors, JSON old/new values, some cells that
// need CSV quoting) and downloads the whole log through the real route handler
// (GET /app/v1/organizations/{org}/audit-log?format=…, signed in with a studio session), reading the
// body to its end as a client would. Prints time, size and peak RSS growth per format and repetition.
//
//   tsx --conditions=react-server scripts/bench-export.ts
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const EVENTS = Number(process.env.BENCH_EXPORT_EVENTS ?? 100_000);
const REPEAT = Number(process.env.BENCH_EXPORT_REPEAT ?? 2);
const FORMATS = ["csv", "jsonl"] as const;

const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-export-"));
process.env.ATELIER_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
process.env.NEXTAUTH_SECRET ??= "atelier-bench-export-secret-0123456789abcdef";
process.env.ATELIER_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

async function main() {
  // Imported after the environment above is set: lib/env reads it once.
  const { applyMigrations } = await import("../lib/database/migrations");
  const { connectDatabase } = await import("../lib/database/adapter");
  const migration = connectDatabase({ dataDir });
  await applyMigrations(migration.factory);
  await migration.close();

  const { db, closeDb } = await import("../lib/db");
  const { createUser } = await import("../lib/users/create-user");
  const { createOrganization } = await import("../lib/organizations/organizations");
  const { createSession } = await import("../lib/auth/sessions");
  const { env } = await import("../lib/env");
  const { encode } = await import("next-auth/jwt");
  const route = await import("../app/app/v1/organizations/[org]/audit-log/route");

  const user = await createUser({ name: "Bench Owner", email: "owner@bench.test", password: "correct horse battery" });
  const actor = { id: user.id, userId: user.id, email: user.email, name: user.name };
  const organization = await createOrganization({ actor, input: { slug: "bench", name: "Bench" } });
  const org = await db.organization.findUniqueOrThrow({ where: { slug: organization.slug }, select: { id: true } });

  const seeded = Date.now();
  await db.$executeRawUnsafe(
    `INSERT INTO "AuditEvent" ("id", "organizationId", "actorUserId", "actorTokenId", "actorLabel", "action", "targetType",
       "targetId", "targetLabel", "oldValue", "newValue", "ip", "userAgent", "createdAt")
     SELECT 'bench_evt_' || lpad(i::text, 7, '0'), $1,
       CASE WHEN i % 3 = 0 THEN NULL ELSE $2 END,
       CASE WHEN i % 3 = 0 THEN 'tok_' || (i % 17) ELSE NULL END,
       CASE WHEN i % 3 = 0 THEN 'owner@bench.test (API token)' ELSE 'owner@bench.test' END,
       (ARRAY['project.update', 'tool.create', 'tool.update', 'secret.set', 'project.publish'])[1 + i % 5],
       'tool', 'tool_' || (i % 1000), 'demo/tool_' || (i % 1000),
       CASE WHEN i % 2 = 0 THEN jsonb_build_object('description', 'Adds numbers, "quickly"', 'timeoutMs', 5000) ELSE NULL END,
       jsonb_build_object('description', 'Adds a list of numbers and returns the sum.', 'timeoutMs', 1000 + i % 9000, 'tags', jsonb_build_array('math', 'demo')),
       CASE WHEN i % 4 = 0 THEN NULL ELSE '198.51.100.' || (i % 255) END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' END,
       timestamp '2026-11-01 00:00:00' + (i || ' seconds')::interval
     FROM generate_series(1, ${EVENTS}) AS i`,
    org.id,
    user.id,
  );
  // Creating the organization recorded an event of its own.
  const total = await db.auditEvent.count({ where: { organizationId: org.id } });
  console.log(`Seeded ${EVENTS} audit events in ${Date.now() - seeded} ms (PGlite, ${dataDir}); the log holds ${total}`);

  const sid = await createSession(user.id);
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name, sid }, secret: env().authSecret });
  const headers = { cookie: `next-auth.session-token=${token}` };

  console.log(
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  console.log("format  run  seconds  MB     lines    rss+MB");
  for (let run = 1; run <= REPEAT; run++) {
    for (const format of FORMATS) {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const started = performance.now();
      const request = new Request(`http://localhost:3000/app/v1/organizations/${organization.slug}/audit-log?format=${format}`, {
        headers,
      });
      const response = await route.GET(request, { params: Promise.resolve({ org: organization.slug }) });
      if (response.status !== 200 || !response.body) throw new Error(`Export ${format} answered ${response.status}`);
      let bytes = 0;
      let lines = 0;
      let chunks = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        if (++chunks % 64 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }
      const seconds = (performance.now() - started) / 1000;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      const expected = format === "csv" ? total + 1 : total;
      if (lines !== expected) throw new Error(`Export ${format} had ${lines} lines, expected ${expected}`);
      console.log(
        `${format.padEnd(6)}  ${String(run).padEnd(3)}  ${seconds.toFixed(2).padStart(7)}  ${(bytes / 1e6).toFixed(1).padEnd(5)}  ${String(lines).padEnd(7)}  ${((rssPeak - rssBefore) / 1e6).toFixed(0).padStart(6)}   (${chunks} chunks)`,
      );
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  await closeDb();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dataDir, { recursive: true, force: true }));
