// The behaviour diff (issue 16 §4): every case runs on production (over HTTP with a production
// token minted for the run and revoked after it) and on the draft, through the real SDK client;
// a case whose result type changed is listed side by side and flagged breaking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as behaviourDiffRoute from "@/app/app/v1/organizations/[org]/projects/[project]/behaviour-diff/route";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as testCasesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/test-cases/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { getProjectAccess, type ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import type { BehaviourDiff } from "@/lib/test-cases/behaviour-diff";
import { createTool, updateTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, type OrgFixture, sessionCookie, type TestUser } from "./helpers";
import { startRouteServer, type TestHttpServer } from "./mcp-helpers";

let fixture: OrgFixture;
let server: TestHttpServer;
let access: ProjectAccess;
let orgSlug: string;
let projectSlug: string;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  orgSlug = fixture.organization.slug;
  projectSlug = fixture.project.slug;
  access = await getProjectAccess({ actor: fixture.users.owner, orgSlug, projectSlug, permission: "project.edit" });
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/behaviour-diff$/, module: behaviourDiffRoute },
  ]);
  await createTool({
    access,
    input: {
      name: "get_forecast",
      kind: "data",
      inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      handler: "async ({ city }) => { if (city === 'nowhere') throw new Error('Unknown city'); return { city, temperature: 21 }; }",
    },
  });
  const save = async (body: unknown) =>
    call(testCasesRoute.POST, {
      method: "POST",
      path: "/",
      headers: await asSession(fixture.users.editor),
      params: { org: orgSlug, project: projectSlug, tool: "get_forecast" },
      body,
    });
  expect(
    (await save({ name: "paris", input: { city: "paris" }, expectations: [{ kind: "structuredContains", value: { temperature: 21 } }] }))
      .status,
  ).toBe(201);
  expect(
    (await save({ name: "nowhere", input: { city: "nowhere" }, expectations: [{ kind: "errorCode", code: "handler_error" }] })).status,
  ).toBe(201);
  const published = await call(publishRoute.POST, {
    method: "POST",
    path: "/",
    headers: await asSession(fixture.users.owner),
    params: { org: orgSlug, project: projectSlug },
    body: { changelog: "First" },
  });
  expect(published.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
});

async function behaviourDiff(user: TestUser) {
  const response = await fetch(`${server.origin}/app/v1/organizations/${orgSlug}/projects/${projectSlug}/behaviour-diff`, {
    method: "POST",
    headers: { cookie: await sessionCookie(user), origin: server.origin },
  });
  return { status: response.status, body: (await response.json()) as BehaviourDiff };
}

describe("behaviour diff", () => {
  it("lists nothing while draft and production behave the same", async () => {
    const diff = await behaviourDiff(fixture.users.projectOwner);
    expect(diff.status).toBe(200);
    expect(diff.body.changed).toEqual([]);
    expect(diff.body.productionRun).toMatchObject({ environment: "production", packageVersion: "1.0.0", passed: 2, failed: 0 });
    expect(diff.body.draftRun).toMatchObject({ environment: "draft", passed: 2 });
  });

  it("shows a case whose result type changed side by side, flagged breaking", async () => {
    await updateTool({
      access,
      name: "get_forecast",
      input: {
        handler:
          "async ({ city }) => { if (city === 'nowhere') throw new Error('Unknown city'); return { city, temperature: String(21) }; }",
      },
    });
    const diff = await behaviourDiff(fixture.users.projectOwner);
    expect(diff.body.changed).toHaveLength(1);
    const [change] = diff.body.changed;
    expect(change).toMatchObject({ tool: "get_forecast", case: "paris", changes: ["temperature: number → string"], breaking: true });
    expect(change.production.outcome.structuredContent).toEqual({ city: "paris", temperature: 21 });
    expect(change.draft.outcome.structuredContent).toEqual({ city: "paris", temperature: "21" });
    expect(change.draft.expectations[0].diff).toBe('/temperature: expected a number (21), got a string ("21")');
  });

  it("mints its production credential for the run only, and is for those who may publish", async () => {
    const live = await db.productionToken.count({ where: { projectId: access.project.id, revokedAt: null } });
    expect(live).toBe(0);
    expect(await db.productionToken.count({ where: { projectId: access.project.id } })).toBe(2);
    expect((await behaviourDiff(fixture.users.editor)).status).toBe(403);
  });
});
