// Publish gates (issue 16 §3) over the API: off, advisory and required, with POST …/publish running
// the suite on the draft through the real MCP client and returning the run; an Admin override with
// its written reason in the audit log and the publish history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as testGateRoute from "@/app/app/v1/organizations/[org]/projects/[project]/test-gate/route";
import * as testCasesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/test-cases/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { getProjectAccess, type ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { publishPackage } from "@/lib/packages/publish-package";
import { checkPublishGate, publishGateRecord } from "@/lib/test-cases/publish-gate";
import type { TestRunSummary } from "@/lib/test-cases/run-test-cases";
import { createTool, updateTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, type OrgFixture, sessionCookie, type TestUser } from "./helpers";
import { startRouteServer, type TestHttpServer } from "./mcp-helpers";

type PublishBody = {
  version: string;
  testGate: string;
  testRun: TestRunSummary | null;
  error: { code: string; message: string; details?: { testRun: TestRunSummary } };
};

let fixture: OrgFixture;
let server: TestHttpServer;
let access: ProjectAccess;
let orgSlug: string;
let projectSlug: string;

const GOOD = "async ({ city }) => ({ city, temperature: 21 })";
const BROKEN = "async ({ city }) => ({ city, temperature: String(21) })";

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  orgSlug = fixture.organization.slug;
  // The fixture's project, whose assigned project owner is a Maintainer of it.
  projectSlug = fixture.project.slug;
  access = await getProjectAccess({ actor: fixture.users.owner, orgSlug, projectSlug, permission: "project.edit" });
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/publish$/, module: publishRoute },
  ]);
  await createTool({
    access,
    input: {
      name: "get_forecast",
      kind: "data",
      inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      handler: GOOD,
    },
  });
  const saved = await call(testCasesRoute.POST, {
    method: "POST",
    path: "/",
    headers: await asSession(fixture.users.editor),
    params: { org: orgSlug, project: projectSlug, tool: "get_forecast" },
    body: {
      name: "paris",
      input: { city: "paris" },
      expectations: [{ kind: "structuredContains", value: { temperature: 21 } }],
    },
  });
  expect(saved.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
});

async function setGate(user: TestUser, testGate: string) {
  return call<{ testGate: string }>(testGateRoute.PUT, {
    method: "PUT",
    path: "/",
    headers: await asSession(user),
    params: { org: orgSlug, project: projectSlug },
    body: { testGate },
  });
}

/** POST …/publish over real HTTP, so the gate's run reaches the draft endpoint at the same origin. */
async function publish(user: TestUser, body: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}/app/v1/organizations/${orgSlug}/projects/${projectSlug}/publish`, {
    method: "POST",
    headers: { cookie: await sessionCookie(user), origin: server.origin, "content-type": "application/json" },
    body: JSON.stringify({ changelog: "Changes", ...body }),
  });
  return { status: response.status, body: (await response.json()) as PublishBody };
}

const handler = (code: string) => updateTool({ access, name: "get_forecast", input: { handler: code } });
let edits = 0;
/** Something new to publish, keeping the handler's behaviour. */
const touch = (code: string) => handler(`${code} // edit ${++edits}`);

describe("publish gate", () => {
  it("off: publishes without running anything, even with a failing case", async () => {
    expect(
      (
        await call<{ testGate: string }>(testGateRoute.GET, {
          path: "/",
          headers: await asSession(fixture.users.viewer),
          params: { org: orgSlug, project: projectSlug },
        })
      ).body,
    ).toEqual({ testGate: "off" });
    await handler(BROKEN);
    const runsBefore = await db.testRun.count({ where: { projectId: access.project.id } });
    const published = await publish(fixture.users.projectOwner);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ testGate: "off", testRun: null });
    expect(await db.testRun.count({ where: { projectId: access.project.id } })).toBe(runsBefore);
  });

  it("is a setting Maintainers change, audited; Editors may not", async () => {
    expect((await setGate(fixture.users.editor, "required")).status).toBe(403);
    expect((await setGate(fixture.users.projectOwner, "sometimes")).status).toBe(422);
    expect((await setGate(fixture.users.projectOwner, "advisory")).body).toEqual({ testGate: "advisory" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: fixture.organization.id, action: "project.test_gate" } });
    expect(audit).toMatchObject({ oldValue: { testGate: "off" }, newValue: { testGate: "advisory" } });
  });

  it("advisory: runs the suite on the draft, publishes anyway and returns the failing run", async () => {
    await touch(BROKEN);
    const published = await publish(fixture.users.projectOwner);
    expect(published.status).toBe(201);
    expect(published.body.testGate).toBe("advisory");
    expect(published.body.testRun).toMatchObject({ passed: 0, failed: 1, actorLabel: fixture.users.projectOwner.email });
    expect(published.body.testRun?.results[0].expectations[0].diff).toBe('/temperature: expected a number (21), got a string ("21")');
    const history = await db.publishHistory.findFirstOrThrow({
      where: { package: { version: published.body.version, projectId: access.project.id } },
    });
    expect(history).toMatchObject({ testRunId: published.body.testRun?.id, gateOverrideReason: null });
  });

  it("required: refuses while a case fails and returns the run; a project owner may not override", async () => {
    expect((await setGate(fixture.users.admin, "required")).status).toBe(200);
    await touch(BROKEN);
    const refused = await publish(fixture.users.projectOwner);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "1 of 1 test cases fail and this project requires them to pass before publishing. Fix them, or ask an Owner or Admin.",
    );
    expect(refused.body.error.details?.testRun).toMatchObject({
      failed: 1,
      results: [{ tool: "get_forecast", case: "paris", passed: false }],
    });
    const notAllowed = await publish(fixture.users.projectOwner, { overrideReason: "Ship it" });
    expect(notAllowed.status).toBe(403);
    const adminWithoutReason = await publish(fixture.users.admin);
    expect(adminWithoutReason.status).toBe(409);
    expect(adminWithoutReason.body.error.message).toMatch(/As an Owner or Admin you may publish anyway with a written reason/);
  });

  it("required: an Admin overrides with a written reason, kept in the audit log and the publish history", async () => {
    const reason = "Hotfix for the outage; the forecast format change is coordinated with the host team";
    const published = await publish(fixture.users.admin, { overrideReason: reason });
    expect(published.status).toBe(201);
    expect(published.body.testRun?.failed).toBe(1);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: fixture.organization.id, action: "package.publish_gate_override" },
    });
    expect(audit).toMatchObject({
      actorUserId: fixture.users.admin.id,
      targetLabel: projectSlug,
      newValue: { version: published.body.version, reason, testRunId: published.body.testRun?.id, failed: 1 },
    });
    const history = await db.publishHistory.findFirstOrThrow({
      where: { package: { version: published.body.version, projectId: access.project.id } },
    });
    expect(history).toMatchObject({ gateOverrideReason: reason, testRunId: published.body.testRun?.id, actorId: fixture.users.admin.id });
  });

  it("required: once the tool is fixed, publishes with the passing run", async () => {
    await touch(GOOD);
    const published = await publish(fixture.users.projectOwner);
    expect(published.status).toBe(201);
    expect(published.body.testRun).toMatchObject({ passed: 1, failed: 0 });
    expect(await db.auditEvent.count({ where: { organizationId: fixture.organization.id, action: "package.publish_gate_override" } })).toBe(
      1,
    );
  });

  it("refuses with 409, writing no package, when the draft changes after the gate's run and before publish", async () => {
    await touch(GOOD);
    const gate = await checkPublishGate({ access, actor: fixture.users.projectOwner, origin: server.origin });
    const { draftRevision } = await db.project.findUniqueOrThrow({ where: { id: access.project.id } });
    expect(gate).toMatchObject({ mode: "required", run: { failed: 0, draftRevision } });
    // An edit lands between the gate's check and publishPackage's plan.
    await touch(GOOD);
    const packagesBefore = await db.package.count({ where: { projectId: access.project.id } });
    const raced = publishPackage({
      access,
      actor: fixture.users.projectOwner,
      input: { changelog: "Raced" },
      gate: publishGateRecord(gate),
    });
    await expect(raced).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      message: "The draft changed while you were publishing, after its tests ran. Run the tests again, then publish.",
    });
    expect(await db.package.count({ where: { projectId: access.project.id } })).toBe(packagesBefore);
    // Publishing again runs the tests on the draft as it is now and goes through.
    const published = await publish(fixture.users.projectOwner, { testRunId: gate.run?.id ?? "" });
    expect(published.status).toBe(201);
    expect(published.body.testRun?.id).not.toBe(gate.run?.id);
  });
});
