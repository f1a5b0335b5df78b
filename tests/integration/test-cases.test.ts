// Saved test cases (issue 16 §1–2): the admin API that saves them with a tool, every expectation
// kind passing and failing when run through the real SDK client against the draft endpoint over
// HTTP as the member who asked, runs kept with who and which draft revision, and cases pinned in
// packages and diffed at publish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as testRunsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/test-runs/route";
import * as testCaseRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/test-cases/[case]/route";
import * as testCasesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/test-cases/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import type { CaseResult, TestRunSummary } from "@/lib/test-cases/run-test-cases";
import type { Expectation } from "@/lib/test-cases/test-case-input";
import { createTool, updateTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, createTestOrganization, type OrgFixture, sessionCookie, type TestUser } from "./helpers";
import { createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

type ErrorBody = { error: { code: string; message: string } };
type CaseBody = { name: string; tool: string; input: Record<string, unknown>; expectations: Expectation[] } & ErrorBody;

let fixture: OrgFixture;
let server: TestHttpServer;
let access: ProjectAccess;
let orgSlug: string;
let projectSlug: string;

const PROJECT = /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)/;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  access = created.access;
  projectSlug = created.project.slug;
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: new RegExp(`${PROJECT.source}/test-runs$`), module: testRunsRoute },
  ]);
  await createTool({
    access,
    input: {
      name: "get_forecast",
      kind: "data",
      inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      outputSchema: {
        type: "object",
        properties: { city: { type: "string" }, temperature: { type: "number" } },
        required: ["city", "temperature"],
      },
      handler:
        "async ({ city }) => { if (city === 'nowhere') throw new Error('Unknown city: ' + city); return { city, temperature: 21 }; }",
      presets: [{ name: "Paris in spring", arguments: { city: "paris" } }],
    },
  });
  // Busy for at least 300 ms by the clock: a lower bound, so a 50 ms limit always fails.
  await createTool({
    access,
    input: {
      name: "slow",
      kind: "data",
      handler: "async () => { const end = Date.now() + 300; while (Date.now() < end) {} return { done: true }; }",
    },
  });
});

afterAll(async () => {
  await server?.close();
});

function casesApi(user: TestUser, target = { org: orgSlug, project: projectSlug }) {
  const base = `/app/v1/organizations/${target.org}/projects/${target.project}/tools`;
  return {
    create: async (tool: string, body: unknown) =>
      call<CaseBody>(testCasesRoute.POST, {
        method: "POST",
        path: `${base}/${tool}/test-cases`,
        headers: await asSession(user),
        params: { ...target, tool },
        body,
      }),
    list: async (tool: string) =>
      call<{ data: CaseBody[] } & ErrorBody>(testCasesRoute.GET, {
        path: `${base}/${tool}/test-cases`,
        headers: await asSession(user),
        params: { ...target, tool },
      }),
    update: async (tool: string, name: string, body: unknown) =>
      call<CaseBody>(testCaseRoute.PATCH, {
        method: "PATCH",
        path: `${base}/${tool}/test-cases/${name}`,
        headers: await asSession(user),
        params: { ...target, tool, case: name },
        body,
      }),
    remove: async (tool: string, name: string) =>
      call<ErrorBody | null>(testCaseRoute.DELETE, {
        method: "DELETE",
        path: `${base}/${tool}/test-cases/${name}`,
        headers: await asSession(user),
        params: { ...target, tool, case: name },
      }),
  };
}

/** POST …/test-runs over real HTTP, so the run reaches the draft endpoint at the same origin. */
async function runTests(user: TestUser, body: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}/app/v1/organizations/${orgSlug}/projects/${projectSlug}/test-runs`, {
    method: "POST",
    headers: { cookie: await sessionCookie(user), origin: server.origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as TestRunSummary & ErrorBody };
}

const draftRevision = async () => (await db.project.findUniqueOrThrow({ where: { id: access.project.id } })).draftRevision;
const resultOf = (run: TestRunSummary, tool: string, name: string) =>
  run.results.find((result) => result.tool === tool && result.case === name) as CaseResult;
const verdict = (result: CaseResult, kind: Expectation["kind"]) => result.expectations.find((item) => item.kind === kind);

describe("saving test cases", () => {
  it("saves a case with its tool as part of the draft, and refuses bad expectations, duplicates and viewers", async () => {
    const api = casesApi(fixture.users.editor);
    const before = await draftRevision();
    const created = await api.create("get_forecast", {
      name: "paris",
      input: { city: "paris" },
      expectations: [{ kind: "isError", value: false }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tool: "get_forecast", name: "paris", input: { city: "paris" } });
    expect(await draftRevision()).toBe(before + 1);

    expect((await api.create("get_forecast", { name: "paris", expectations: [{ kind: "isError", value: true }] })).status).toBe(409);
    const badRegex = await api.create("get_forecast", { name: "bad", expectations: [{ kind: "textMatches", pattern: "(" }] });
    expect(badRegex.status).toBe(422);
    expect(badRegex.body.error.message).toMatch(/not a valid regular expression/);
    const badSchema = await api.create("get_forecast", {
      name: "bad",
      expectations: [{ kind: "structuredMatchesSchema", schema: { type: "nonsense" } }],
    });
    expect(badSchema.status).toBe(422);
    expect(badSchema.body.error.message).toMatch(/not a valid JSON Schema/);
    expect((await api.create("get_forecast", { name: "bad", expectations: [] })).status).toBe(422);
    expect((await api.create("get_forecast", { name: "bad", expectations: [{ kind: "sometimes" }] })).status).toBe(422);
    expect((await api.create("no_such_tool", { name: "x", expectations: [{ kind: "isError", value: false }] })).status).toBe(404);
    expect(
      (await casesApi(fixture.users.viewer).create("get_forecast", { name: "v", expectations: [{ kind: "isError", value: false }] }))
        .status,
    ).toBe(403);
    expect((await casesApi(fixture.users.viewer).list("get_forecast")).body.data.map((item) => item.name)).toEqual(["paris"]);
  });

  it("turns a test panel preset into a case in one click", async () => {
    const created = await casesApi(fixture.users.editor).create("get_forecast", { fromPreset: "Paris in spring" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "paris-in-spring",
      input: { city: "paris" },
      expectations: [{ kind: "isError", value: false }],
    });
    expect((await casesApi(fixture.users.editor).create("get_forecast", { fromPreset: "Nope" })).status).toBe(404);
  });

  it("renames and deletes cases; another organization's member gets a 404", async () => {
    const api = casesApi(fixture.users.editor);
    await api.create("get_forecast", { name: "temp", expectations: [{ kind: "isError", value: false }] });
    const renamed = await api.update("get_forecast", "temp", { name: "temp2", input: { city: "oslo" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "temp2", input: { city: "oslo" } });
    expect((await api.remove("get_forecast", "temp2")).status).toBe(204);
    expect((await api.remove("get_forecast", "temp2")).status).toBe(404);

    const stranger = (await createOrgWithMembers()).users.owner;
    await createTestOrganization(stranger);
    expect((await casesApi(stranger).list("get_forecast")).status).toBe(404);
  });
});

describe("running test cases on the draft", () => {
  const passing: Expectation[] = [
    { kind: "isError", value: false },
    { kind: "structuredEquals", value: { temperature: 21, city: "paris" } },
    { kind: "structuredContains", value: { temperature: 21 } },
    {
      kind: "structuredMatchesSchema",
      schema: { type: "object", properties: { temperature: { type: "number" } }, required: ["temperature"] },
    },
    { kind: "textContains", value: "paris" },
    { kind: "textMatches", pattern: '"temperature":\\s*21' },
    { kind: "maxDurationMs", value: 600_000 },
  ];
  const failing: Expectation[] = [
    { kind: "isError", value: true },
    { kind: "structuredEquals", value: { city: "paris", temperature: "21" } },
    { kind: "structuredContains", value: { temperature: "21", wind: 3 } },
    { kind: "structuredMatchesSchema", schema: { type: "object", properties: { temperature: { type: "string" } } } },
    { kind: "textContains", value: "london" },
    { kind: "textMatches", pattern: "^rain", flags: "i" },
    { kind: "errorCode", code: "handler_error" },
  ];

  beforeAll(async () => {
    const api = casesApi(fixture.users.editor);
    await api.create("get_forecast", { name: "all-pass", input: { city: "paris" }, expectations: passing });
    await api.create("get_forecast", { name: "all-fail", input: { city: "paris" }, expectations: failing });
    await api.create("get_forecast", {
      name: "unknown-city",
      input: { city: "nowhere" },
      expectations: [
        { kind: "isError", value: true },
        { kind: "errorCode", code: "handler_error" },
        { kind: "errorCode", code: "not_found" },
        { kind: "isError", value: false },
      ],
    });
    await api.create("slow", { name: "too-slow", expectations: [{ kind: "maxDurationMs", value: 50 }] });
    await api.create("slow", { name: "fast-enough", expectations: [{ kind: "maxDurationMs", value: 600_000 }] });
  });

  it("passes every expectation kind that holds", async () => {
    const run = await runTests(fixture.users.editor, { tool: "get_forecast", case: "all-pass" });
    expect(run.status).toBe(201);
    expect(run.body.results).toHaveLength(1);
    const result = resultOf(run.body, "get_forecast", "all-pass");
    expect(result.expectations.map((item) => [item.kind, item.passed])).toEqual(passing.map((item) => [item.kind, true]));
    expect(result.passed).toBe(true);
    expect(result.outcome.structuredContent).toEqual({ city: "paris", temperature: 21 });
    expect(verdict(result, "structuredEquals")).not.toHaveProperty("diff");
  });

  it("fails every expectation kind that does not hold, with the actual value and a readable diff", async () => {
    const run = await runTests(fixture.users.editor, { tool: "get_forecast", case: "all-fail" });
    const result = resultOf(run.body, "get_forecast", "all-fail");
    expect(result.passed).toBe(false);
    expect(result.expectations.map((item) => [item.kind, item.passed])).toEqual(failing.map((item) => [item.kind, false]));
    expect(verdict(result, "isError")?.diff).toBe("expected an error, got a successful result");
    expect(verdict(result, "structuredEquals")?.actual).toEqual({ city: "paris", temperature: 21 });
    expect(verdict(result, "structuredEquals")?.diff).toContain('/temperature: expected a string ("21"), got a number (21)');
    expect(verdict(result, "structuredEquals")?.diff).toContain('-  "temperature": "21"');
    expect(verdict(result, "structuredContains")?.diff).toBe(
      '/temperature: expected a string ("21"), got a number (21)\n/wind: expected a number (3), got nothing',
    );
    expect(verdict(result, "structuredMatchesSchema")?.diff).toBe("Property 'temperature' must be a string, got number");
    expect(verdict(result, "textContains")?.diff).toBe('no text content block contains "london"');
    expect(verdict(result, "textMatches")).toMatchObject({ expected: "/^rain/i", diff: "no text content block matches /^rain/i" });
    expect(verdict(result, "errorCode")).toMatchObject({ actual: null, diff: "expected error code handler_error, got no error" });
  });

  it("checks error results: isError and the error code (sent as text for a tool with an outputSchema)", async () => {
    const run = await runTests(fixture.users.editor, { tool: "get_forecast", case: "unknown-city" });
    const result = resultOf(run.body, "get_forecast", "unknown-city");
    expect(result.expectations.map((item) => item.passed)).toEqual([true, true, false, false]);
    expect(result.expectations[2]).toMatchObject({ actual: "handler_error", diff: "expected error code not_found, got handler_error" });
    expect(result.expectations[3].diff).toBe("expected a successful result, got an error (handler_error)");
  });

  it("checks the maximum duration", async () => {
    const run = await runTests(fixture.users.editor, { tool: "slow" });
    expect(run.body.results.map((result) => [result.case, result.passed])).toEqual([
      ["fast-enough", true],
      ["too-slow", false],
    ]);
    expect(resultOf(run.body, "slow", "too-slow").expectations[0].diff).toMatch(/^took \d+ ms, more than the 50 ms allowed$/);
  });

  it("runs all cases, keeps every run with who and which draft revision, and lists the last result per case", async () => {
    const revision = await draftRevision();
    const run = await runTests(fixture.users.editor);
    expect(run.status).toBe(201);
    expect(run.body).toMatchObject({ actorLabel: fixture.users.editor.email, draftRevision: revision, environment: "draft" });
    expect(run.body.results.map((result) => `${result.tool}/${result.case}`)).toEqual([
      "get_forecast/all-fail",
      "get_forecast/all-pass",
      "get_forecast/paris",
      "get_forecast/paris-in-spring",
      "get_forecast/unknown-city",
      "slow/fast-enough",
      "slow/too-slow",
    ]);
    expect([run.body.passed, run.body.failed]).toEqual([4, 3]);
    const stored = await db.testRun.findUniqueOrThrow({ where: { id: run.body.id } });
    expect(stored).toMatchObject({ actorId: fixture.users.editor.id, passed: 4, failed: 3 });

    const listed = await call<{
      runs: TestRunSummary[];
      lastResults: Array<{ tool: string; case: string; result: CaseResult | null; run: { id: string } | null }>;
    }>(testRunsRoute.GET, { path: "/", headers: await asSession(fixture.users.viewer), params: { org: orgSlug, project: projectSlug } });
    expect(listed.body.runs[0].id).toBe(run.body.id);
    expect(listed.body.lastResults.find((item) => item.case === "too-slow")).toMatchObject({
      run: { id: run.body.id },
      result: { passed: false },
    });
  });

  it("runs as the member: a viewer may not run, and an unknown case is a 404", async () => {
    expect((await runTests(fixture.users.viewer)).status).toBe(403);
    expect((await runTests(fixture.users.editor, { tool: "get_forecast", case: "nope" })).status).toBe(404);
  });

  it("a case fails once the tool breaks", async () => {
    await updateTool({ access, name: "get_forecast", input: { handler: "async ({ city }) => ({ city, temperature: String(21) })" } });
    const run = await runTests(fixture.users.editor, { tool: "get_forecast", case: "all-pass" });
    const result = resultOf(run.body, "get_forecast", "all-pass");
    // The output schema says number, so the draft endpoint answers with an output validation error.
    expect(verdict(result, "isError")).toMatchObject({ passed: false, actual: true });
    await updateTool({
      access,
      name: "get_forecast",
      input: {
        handler:
          "async ({ city }) => { if (city === 'nowhere') throw new Error('Unknown city: ' + city); return { city, temperature: 21 }; }",
      },
    });
  });
});

describe("test cases in packages", () => {
  it("pins cases in the package, diffs them at publish, and keeps the digest of a project without cases", async () => {
    const api = publishingApi({ orgSlug, projectSlug });
    const preview = await api.preview(fixture.users.owner);
    expect(preview.body.testCases?.added).toContain("get_forecast/all-pass");
    expect(preview.body.files.map((file) => file.path)).toContain("tests/get_forecast/all-pass.json");
    const published = await call<{ version: string } & ErrorBody>(publishRoute.POST, {
      method: "POST",
      path: "/",
      headers: await asSession(fixture.users.owner),
      params: { org: orgSlug, project: projectSlug },
      body: { changelog: "With tests" },
    });
    expect(published.status).toBe(201);
    const pinned = await api.package(fixture.users.owner, published.body.version);
    const manifestCases = pinned.body.manifest.testCases as Array<{ tool: string; name: string; input: unknown }>;
    expect(manifestCases.find((item) => item.name === "unknown-city")).toEqual({
      tool: "get_forecast",
      name: "unknown-city",
      input: { city: "nowhere" },
      expectations: expect.any(Array),
    });

    await casesApi(fixture.users.editor).update("get_forecast", "paris", { input: { city: "lyon" } });
    await casesApi(fixture.users.editor).remove("slow", "fast-enough");
    const next = await api.preview(fixture.users.owner);
    expect(next.body.testCases).toEqual({ added: [], modified: ["get_forecast/paris"], removed: ["slow/fast-enough"] });
    expect(next.body.changed).toBe(true);

    // A project without cases pins no testCases key at all, so its manifest is as before.
    const plain = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    await createTool({ access: plain.access, input: { name: "plain", kind: "data" } });
    const plainApi = publishingApi({ orgSlug, projectSlug: plain.project.slug });
    const plainPublished = await plainApi.publish(fixture.users.owner);
    expect(plainPublished.status).toBe(201);
    const plainPackage = await plainApi.package(fixture.users.owner, plainPublished.body.version);
    expect(plainPackage.body.manifest).not.toHaveProperty("testCases");
  });
});
