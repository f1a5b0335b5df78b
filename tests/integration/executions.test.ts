// The Executions API through its real routes on a real database: filters, pagination, the detail
// view, per-tool figures against known durations, who may read them, and that another project's
// or organization's records are 404s. Rows come from execution-fixtures.ts (exact times and
// durations); a real tools/call producing a record is at the end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as executionRoute from "@/app/app/v1/organizations/[org]/projects/[project]/executions/[id]/route";
import * as executionsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/executions/route";
import * as statsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/executions/stats/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { getOrganizationAccess } from "@/lib/access";
import type { ExecutionDetail, ExecutionSummary } from "@/lib/executions/present-execution";
import type { ExecutionStats } from "@/lib/executions/executions";
import { LATENCY_RELATIVE_PRECISION } from "@/lib/executions/latency-histogram";
import { flushExecutions } from "@/lib/executions/recorder";
import type { Jsonify, Page } from "@/lib/hooks/api-types";
import { createProject } from "@/lib/projects/projects";
import { createTool } from "@/lib/tools/tools";
import { createExecution, createExecutions, minutesAgo } from "./execution-fixtures";
import {
  asSession,
  asToken,
  call,
  createOrgWithMembers,
  createTestOrganization,
  createTestUser,
  uniqueSlug,
  type OrgFixture,
  type TestUser,
} from "./helpers";
import { connectClient, createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";

type Summary = Jsonify<ExecutionSummary>;
type Detail = Jsonify<ExecutionDetail>;
type Stats = Jsonify<ExecutionStats>;
type ProjectRef = { id: string; organizationId: string; slug: string; orgSlug: string };
type Headers = Record<string, string>;

let fixture: OrgFixture;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
});

/** A fresh project of the fixture's organization, so each test's rows are its own. */
async function newProject(org: OrgFixture = fixture): Promise<ProjectRef> {
  const { owner } = org.users;
  const access = await getOrganizationAccess({ actor: owner, orgSlug: org.organization.slug, permission: "organization.createProject" });
  const project = await createProject({ access, actor: owner, input: { slug: uniqueSlug("exec"), name: "Executions" } });
  return { id: project.id, organizationId: project.organizationId, slug: project.slug, orgSlug: org.organization.slug };
}

function api(project: ProjectRef) {
  const params = { org: project.orgSlug, project: project.slug };
  const base = `/app/v1/organizations/${project.orgSlug}/projects/${project.slug}/executions`;
  return {
    list: async (headers: Headers, query = "") => call<Page<Summary>>(executionsRoute.GET, { path: `${base}${query}`, params, headers }),
    stats: async (headers: Headers, query = "") => call<Stats>(statsRoute.GET, { path: `${base}/stats${query}`, params, headers }),
    get: async (headers: Headers, id: string) =>
      call<Detail>(executionRoute.GET, { path: `${base}/${id}`, params: { ...params, id }, headers }),
  };
}

const owner = () => asSession(fixture.users.owner);
const ids = (page: Page<Summary>) => page.data.map((item) => item.id);

describe("listing executions", () => {
  let project: ProjectRef;
  let rows: Awaited<ReturnType<typeof createExecutions>>;

  beforeAll(async () => {
    project = await newProject();
    rows = await createExecutions(project, [
      { toolName: "get_weather", createdAt: minutesAgo(50) },
      {
        toolName: "get_weather",
        environment: "production",
        packageVersion: "1.2.0",
        createdAt: minutesAgo(40),
        callerKind: "anonymous",
        callerLabel: "anonymous",
      },
      { toolName: "add_numbers", errorType: "validation", errorCode: "schema_validation_failed", createdAt: minutesAgo(30) },
      { toolName: "get_weather", errorType: "timeout", errorCode: "timeout", environment: "production", createdAt: minutesAgo(20) },
      { toolName: "add_numbers", createdAt: minutesAgo(10), clientName: null, clientVersion: null },
    ]);
  });

  it("lists newest first with the fields of a row and without input, output or logs", async () => {
    const response = await api(project).list(await owner());
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([...rows].reverse().map((row) => row.id));
    expect(response.body.nextCursor).toBeNull();
    expect(response.body.data[3]).toEqual({
      id: rows[1].id,
      createdAt: rows[1].createdAt.toISOString(),
      toolName: "get_weather",
      environment: "production",
      packageVersion: "1.2.0",
      status: "success",
      errorType: null,
      errorCode: null,
      durationMs: 12,
      host: { name: "atelier-tests", version: "1.0.0" },
      caller: { kind: "anonymous", id: null, label: "anonymous" },
      ip: "203.0.113.7",
    });
    expect(response.body.data[0].host).toBeNull();
  });

  it.each([
    ["?tool=add_numbers", [4, 2]],
    ["?environment=production", [3, 1]],
    ["?environment=draft", [4, 2, 0]],
    ["?status=error", [3, 2]],
    ["?status=success", [4, 1, 0]],
    ["?errorType=timeout", [3]],
    ["?tool=get_weather&status=error&environment=production", [3]],
    ["?tool=no_such_tool", []],
  ])("filters by %s", async (query, expected) => {
    const response = await api(project).list(await owner(), query);
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual(expected.map((index) => rows[index].id));
  });

  it("filters by time: from is inclusive, to is exclusive", async () => {
    const from = rows[1].createdAt.toISOString();
    const to = rows[3].createdAt.toISOString();
    const response = await api(project).list(await owner(), `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(ids(response.body)).toEqual([rows[2].id, rows[1].id]);
  });

  it.each([
    ["?environment=staging", "environment"],
    ["?status=ok", "status"],
    ["?errorType=crash", "errorType"],
    ["?from=yesterday", "from"],
    ["?to=2026-13-45T00:00:00Z", "to"],
    ["?from=2026-11-21T10:00:00Z&to=2026-11-21T09:00:00Z", "from"],
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
  ])("refuses %s with 422 naming the field", async (query, field) => {
    const response = await api(project).list(await owner(), query);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining(`${field}:`) } });
  });
});

describe("paging", () => {
  it("walks every record once with ?limit and ?cursor, even when several share a start time", async () => {
    const project = await newProject();
    const sameInstant = minutesAgo(5);
    const rows = await createExecutions(project, [
      { createdAt: minutesAgo(9) },
      { createdAt: sameInstant },
      { createdAt: sameInstant },
      { createdAt: sameInstant },
      { createdAt: minutesAgo(1) },
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await api(project).list(await owner(), query);
      expect(response.status).toBe(200);
      expect(response.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...ids(response.body));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe(rows[4].id);
    expect(seen[4]).toBe(rows[0].id);
  });

  it("answers an unknown cursor with an empty page, not an error", async () => {
    const project = await newProject();
    await createExecution(project);
    const response = await api(project).list(await owner(), "?cursor=no-such-execution");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [], nextCursor: null });
  });

  it("keeps the filters on later pages", async () => {
    const project = await newProject();
    const rows = await createExecutions(
      project,
      Array.from({ length: 6 }, (_, index) => ({ toolName: index % 2 ? "odd" : "even", createdAt: minutesAgo(10 - index) })),
    );
    const first = await api(project).list(await owner(), "?tool=odd&limit=2");
    const second = await api(project).list(await owner(), `?tool=odd&limit=2&cursor=${first.body.nextCursor}`);
    expect([...ids(first.body), ...ids(second.body)]).toEqual([rows[5].id, rows[3].id, rows[1].id]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("one execution", () => {
  it("has input, output, console output, hashes, caller, host and ip", async () => {
    const project = await newProject();
    const row = await createExecution(project, {
      environment: "production",
      input: { city: "Porto", days: 3 },
      output: { forecast: ["sun", "rain", "sun"] },
      logs: [{ level: "log", message: "fetching Porto", at: 2 }],
      callerKind: "production_token",
      callerId: "tok_123",
      callerLabel: "Support bot",
      clientName: "claude-ai",
      clientVersion: "0.1.0",
      ip: "198.51.100.4",
    });
    const response = await api(project).get(await asSession(fixture.users.editor), row.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: row.id,
      environment: "production",
      packageVersion: "1.0.0",
      status: "success",
      input: { city: "Porto", days: 3 },
      output: { forecast: ["sun", "rain", "sun"] },
      logs: [{ level: "log", message: "fetching Porto", at: 2 }],
      inputSha256: row.inputSha256,
      outputSha256: row.outputSha256,
      caller: { kind: "production_token", id: "tok_123", label: "Support bot" },
      host: { name: "claude-ai", version: "0.1.0" },
      ip: "198.51.100.4",
    });
    expect(response.body.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is a 404 through another project of the same organization, and for an unknown id", async () => {
    const [mine, other] = [await newProject(), await newProject()];
    const row = await createExecution(other);
    const notFoundBody = { error: { code: "not_found", message: "Execution not found" } };
    expect(await api(mine).get(await owner(), row.id)).toMatchObject({ status: 404, body: notFoundBody });
    expect(await api(mine).get(await owner(), "no-such-execution")).toMatchObject({ status: 404, body: notFoundBody });
    expect((await api(other).get(await owner(), row.id)).status).toBe(200);
  });

  it("never lists another project's records", async () => {
    const [mine, other] = [await newProject(), await newProject()];
    const row = await createExecution(mine);
    await createExecution(other);
    expect(ids((await api(mine).list(await owner())).body)).toEqual([row.id]);
  });
});

/** Percentiles from the rollups' histograms are within LATENCY_RELATIVE_PRECISION of percentile_cont (plus display rounding). */
function expectNear(actual: { p50Ms: number | null; p95Ms: number | null }, expected: { p50Ms?: number; p95Ms?: number }) {
  for (const key of ["p50Ms", "p95Ms"] as const) {
    const want = expected[key];
    if (want === undefined) continue;
    expect(Math.abs((actual[key] ?? Number.NaN) - want), key).toBeLessThanOrEqual(want * LATENCY_RELATIVE_PRECISION + 0.005);
  }
}

describe("stats", () => {
  it("computes calls, errors, error rate, p50 and p95 per tool and overall from known durations", async () => {
    const project = await newProject();
    await createExecutions(project, [
      // get_weather: 10, 20, 30, 40, 50 ms, one of them a runtime error.
      ...[10, 20, 30, 40].map((durationMs) => ({ toolName: "get_weather", durationMs, createdAt: minutesAgo(30) })),
      { toolName: "get_weather", durationMs: 50, errorType: "runtime" as const, errorCode: "handler_threw", createdAt: minutesAgo(20) },
      // add_numbers: 100 ms, plus two refusals that count as calls and errors but not in latency.
      { toolName: "add_numbers", durationMs: 100, createdAt: minutesAgo(15) },
      {
        toolName: "add_numbers",
        durationMs: 0,
        errorType: "rate_limited" as const,
        errorCode: "data_tool_calls_per_minute",
        createdAt: minutesAgo(14),
      },
      { toolName: "add_numbers", durationMs: 1, errorType: "auth" as const, errorCode: "unauthorized", createdAt: minutesAgo(13) },
      // Outside the default 24 hours.
      { toolName: "get_weather", durationMs: 9999, createdAt: minutesAgo(25 * 60) },
    ]);

    const response = await api(project).stats(await owner());
    expect(response.status).toBe(200);
    // percentile_cont interpolates: p50 of 10…50 is 30; p95 is 40 + 0.8 × (50 − 40) = 48. The
    // percentiles come from latency histograms: within their stated precision of these.
    expect(response.body.tools.map(({ p50Ms, p95Ms, ...exact }) => exact)).toEqual([
      { toolName: "get_weather", calls: 5, errors: 1, errorRate: 0.2, avgMs: 30 },
      { toolName: "add_numbers", calls: 3, errors: 2, errorRate: 2 / 3, avgMs: 100 },
    ]);
    expectNear(response.body.tools[0], { p50Ms: 30, p95Ms: 48 });
    expectNear(response.body.tools[1], { p50Ms: 100, p95Ms: 100 });
    // Overall latency over the six calls that ran: 10, 20, 30, 40, 50, 100 → p50 35, p95 50 + 0.25 × 50 = 87.5.
    expect(response.body.total).toMatchObject({ calls: 8, errors: 3, errorRate: 3 / 8, avgMs: 41.67 });
    expectNear(response.body.total, { p50Ms: 35, p95Ms: 87.5 });
    const window = new Date(response.body.to).getTime() - new Date(response.body.from).getTime();
    expect(window).toBe(24 * 60 * 60 * 1000);
  });

  it("follows the time range, tool and environment filters", async () => {
    const project = await newProject();
    await createExecutions(project, [
      { toolName: "get_weather", durationMs: 10, createdAt: minutesAgo(60 * 24 * 3) },
      { toolName: "get_weather", durationMs: 30, environment: "production", createdAt: minutesAgo(60 * 24 * 2) },
      { toolName: "add_numbers", durationMs: 70, createdAt: minutesAgo(60 * 24 * 2) },
    ]);
    const from = encodeURIComponent(minutesAgo(60 * 24 * 7).toISOString());
    const week = await api(project).stats(await owner(), `?from=${from}`);
    expect(week.body.total).toMatchObject({ calls: 3, avgMs: 36.67 });
    expectNear(week.body.total, { p50Ms: 30 });

    const production = await api(project).stats(await owner(), `?from=${from}&environment=production`);
    expect(production.body.tools).toMatchObject([{ toolName: "get_weather", calls: 1, errors: 0, errorRate: 0, avgMs: 30 }]);
    expectNear(production.body.tools[0], { p50Ms: 30, p95Ms: 30 });

    const oneTool = await api(project).stats(await owner(), `?from=${from}&tool=get_weather`);
    expect(oneTool.body.tools.map((tool) => tool.toolName)).toEqual(["get_weather"]);
    expect(oneTool.body.total).toMatchObject({ calls: 2, avgMs: 20 });
    expectNear(oneTool.body.total, { p50Ms: 20 });

    const to = encodeURIComponent(minutesAgo(60 * 24 * 2.5).toISOString());
    const before = await api(project).stats(await owner(), `?from=${from}&to=${to}`);
    expect(before.body.total).toEqual({ calls: 1, errors: 0, errorRate: 0, avgMs: 10, p50Ms: 10, p95Ms: 10 }); // exact below 16 ms
  });

  it("is all zeros, with no latency, when nothing was called", async () => {
    const response = await api(await newProject()).stats(await owner());
    expect(response.body).toMatchObject({ tools: [], total: { calls: 0, errors: 0, errorRate: 0, avgMs: null, p50Ms: null, p95Ms: null } });
  });

  it("refuses bad filters with 422", async () => {
    const project = await newProject();
    expect((await api(project).stats(await owner(), "?environment=staging")).status).toBe(422);
    expect((await api(project).stats(await owner(), "?from=2026-11-21T10:00:00Z&to=2026-11-21T10:00:00Z")).status).toBe(422);
  });
});

describe("who may read executions", () => {
  let project: ProjectRef;
  let rowId: string;

  beforeAll(async () => {
    project = {
      id: fixture.project.id,
      organizationId: fixture.organization.id,
      slug: fixture.project.slug,
      orgSlug: fixture.organization.slug,
    };
    rowId = (await createExecution(project)).id;
  });

  it.each(["owner", "admin", "projectOwner", "editor"] as const)("%s may list, open and see stats", async (who) => {
    const headers = await asSession(fixture.users[who]);
    expect((await api(project).list(headers)).status).toBe(200);
    expect((await api(project).get(headers, rowId)).status).toBe(200);
    expect((await api(project).stats(headers)).status).toBe(200);
  });

  it("a Viewer may not (403): records hold callers' inputs, outputs and IPs", async () => {
    for (const headers of [await asSession(fixture.users.viewer), await asToken(fixture.users.viewer)]) {
      for (const response of [
        await api(project).list(headers),
        await api(project).get(headers, rowId),
        await api(project).stats(headers),
      ]) {
        expect(response).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
      }
    }
  });

  it("a personal API token works like the session", async () => {
    const response = await api(project).list(await asToken(fixture.users.editor));
    expect(response.status).toBe(200);
    expect(ids(response.body)).toContain(rowId);
  });

  it("another organization's member gets 404 for list, detail and stats, by cookie and by token", async () => {
    const outsider: TestUser = await createTestUser({ name: "Outsider" });
    await createTestOrganization(outsider);
    for (const headers of [await asSession(outsider), await asToken(outsider)]) {
      for (const response of [
        await api(project).list(headers),
        await api(project).get(headers, rowId),
        await api(project).stats(headers),
      ]) {
        expect(response).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
      }
    }
  });

  it("an id of another organization's project is a 404 through my own project", async () => {
    const otherOrg = await createOrgWithMembers();
    const theirs = await createExecution({ id: otherOrg.project.id, organizationId: otherOrg.organization.id });
    const response = await api(project).get(await owner(), theirs.id);
    expect(response.status).toBe(404);
  });

  it("without a session or token: 401", async () => {
    expect((await api(project).list({})).status).toBe(401);
  });
});

describe("a real tools/call", () => {
  let server: TestHttpServer;
  let project: ProjectRef;
  let draftUrl: string;
  let token: string;

  beforeAll(async () => {
    const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
    token = created.token;
    project = {
      id: created.project.id,
      organizationId: created.project.organizationId,
      slug: created.project.slug,
      orgSlug: fixture.organization.slug,
    };
    await createTool({
      access: created.access,
      input: {
        name: "shout",
        kind: "data",
        inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
        handler:
          "async ({ text }) => { if (text === 'fail') throw new Error('Refusing to shout'); console.log('shouting', text); return { loud: text.toUpperCase() }; }",
      },
    });
    server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
    draftUrl = `${server.origin}/mcp/${project.orgSlug}/${project.slug}/draft`;
  });

  afterAll(async () => {
    await server?.close();
  });

  it("made with the SDK client on the draft endpoint is listed, opens with its input, output and console, and counts in the stats", async () => {
    const client = await connectClient({ url: draftUrl, token, era: "modern" });
    try {
      expect((await client.callTool({ name: "shout", arguments: { text: "hello" } })).isError).toBeFalsy();
      expect((await client.callTool({ name: "shout", arguments: { text: "fail" } })).isError).toBe(true);
    } finally {
      await client.close();
    }
    await flushExecutions();

    const headers = await asSession(fixture.users.editor);
    const listed = await api(project).list(headers);
    expect(listed.body.data).toMatchObject([
      {
        toolName: "shout",
        environment: "draft",
        packageVersion: null,
        status: "error",
        errorType: "runtime",
        caller: { kind: "draft_token" },
      },
      {
        toolName: "shout",
        environment: "draft",
        packageVersion: null,
        status: "success",
        errorType: null,
        host: { name: "atelier-tests", version: "1.0.0" },
      },
    ]);

    const detail = await api(project).get(headers, listed.body.data[1].id);
    expect(detail.body).toMatchObject({
      input: { text: "hello" },
      output: { structuredContent: { loud: "HELLO" } },
      logs: [expect.objectContaining({ level: "log", message: "shouting hello" })],
      inputSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      outputSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const errors = await api(project).list(headers, "?status=error&errorType=runtime");
    expect(ids(errors.body)).toEqual([listed.body.data[0].id]);
    const stats = await api(project).stats(headers);
    expect(stats.body.tools).toMatchObject([{ toolName: "shout", calls: 2, errors: 1, errorRate: 0.5 }]);
  });
});
