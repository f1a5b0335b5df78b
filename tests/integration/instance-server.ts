// One app instance as a process of its own, for the tests that need several processes or a real
// SIGTERM (multi-instance.test.ts, shutdown.test.ts): the real MCP route handlers and the admin API
// routes those tests drive, served over HTTP as startRouteServer does, with the same graceful
// shutdown handler `npm start` installs through instrumentation.ts. Configuration comes from the
// environment (DATABASE_URL or ATELIER_DATA_DIR, REDIS_URL, secrets), as for the app.
//
//   tsx tests/integration/instance-server.ts [--seed]
//
// Prints one JSON line once listening: { "origin" }. With --seed it first migrates the database
// and creates a project with a draft token and a Data Tool `work` (used where the test process
// cannot open the same database itself: an embedded PGlite directory belongs to one process).
import * as meRoute from "@/app/app/v1/me/route";
import * as sessionsRoute from "@/app/app/v1/me/sessions/route";
import * as disablePublicRoute from "@/app/app/v1/organizations/[org]/projects/[project]/mcp/disable-public/route";
import * as tokenRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tokens/[id]/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { connectDatabase } from "@/lib/database/adapter";
import { applyMigrations } from "@/lib/database/migrations";
import { env } from "@/lib/env";
import { startServerProcess } from "@/lib/process/start-server-process";
import { createTool } from "@/lib/tools/tools";
import { createTestOrganization, createTestUser } from "./helpers";
import { createProjectWithDraftToken, startRouteServer } from "./mcp-helpers";

/** A Data Tool that keeps the sandbox busy for a moment, so calls are still running at SIGTERM. */
const WORK_TOOL_INPUT = { type: "object", properties: { n: { type: "number" } } };
const WORK_TOOL_HANDLER = "async (props) => { const end = Date.now() + 20; while (Date.now() < end) {} return { n: props.n ?? null }; }";

async function seed() {
  const config = env();
  const connection = connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await applyMigrations(connection.factory);
  } finally {
    await connection.close();
  }
  const owner = await createTestUser({ name: "Instance owner" });
  const organization = await createTestOrganization(owner);
  const { project, access, token } = await createProjectWithDraftToken({ owner, orgSlug: organization.slug });
  await createTool({ access, input: { name: "work", kind: "data", inputSchema: WORK_TOOL_INPUT, handler: WORK_TOOL_HANDLER } });
  return { projectId: project.id, orgSlug: organization.slug, projectSlug: project.slug, draftToken: token };
}

const seeded = process.argv.includes("--seed") ? await seed() : null;
const server = await startRouteServer([
  { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
  { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/mcp\/disable-public$/, module: disablePublicRoute },
  { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/tokens\/(?<id>[^/]+)$/, module: tokenRoute },
  { pattern: /^\/app\/v1\/me$/, module: meRoute },
  { pattern: /^\/app\/v1\/me\/sessions$/, module: sessionsRoute },
]);
startServerProcess({ handleSignals: true });
console.log(JSON.stringify({ origin: server.origin, ...seeded }));
