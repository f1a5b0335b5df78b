// Test cases of prompts and resource templates (issue 16 §1): saved with a prompt (run with
// prompts/get and the case's arguments) or a resource (resources/read of the template's URI built
// from the case's variables), through the real SDK client over HTTP as the member who asked; every
// expectation kind that applies passing and failing; pinned in packages and diffed at publish;
// counted by the publish gate; compared by the behaviour diff. And the Publish dialog's flow runs
// the draft suite once: the behaviour diff and publish reuse the run the dialog made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as behaviourDiffRoute from "@/app/app/v1/organizations/[org]/projects/[project]/behaviour-diff/route";
import * as promptCaseRoute from "@/app/app/v1/organizations/[org]/projects/[project]/prompts/[name]/test-cases/[case]/route";
import * as promptCasesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/prompts/[name]/test-cases/route";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as resourceCaseRoute from "@/app/app/v1/organizations/[org]/projects/[project]/resources/[name]/test-cases/[case]/route";
import * as resourceCasesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/resources/[name]/test-cases/route";
import * as testGateRoute from "@/app/app/v1/organizations/[org]/projects/[project]/test-gate/route";
import * as testRunsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/test-runs/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import type { ProjectAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { createPrompt, deletePrompt, updatePrompt } from "@/lib/prompts/prompts";
import { createResource, updateResource } from "@/lib/resources/resources";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BehaviourDiff } from "@/lib/test-cases/behaviour-diff";
import { checkPublishGate } from "@/lib/test-cases/publish-gate";
import type { CaseResult, TestRunSummary } from "@/lib/test-cases/run-test-cases";
import type { Expectation } from "@/lib/test-cases/test-case-input";
import { asSession, call, createOrgWithMembers, type OrgFixture, sessionCookie, type TestUser } from "./helpers";
import { createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let fixture: OrgFixture;
let server: TestHttpServer;
let access: ProjectAccess;
let orgSlug: string;
let projectSlug: string;

const PROJECT = "^/app/v1/organizations/(?<org>[^/]+)/projects/(?<project>[^/]+)";

const GREET_TEXT = "Write a {{tone}} greeting for {{who}}.";

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  access = created.access;
  projectSlug = created.project.slug;
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
    { pattern: new RegExp(`${PROJECT}/test-runs$`), module: testRunsRoute },
    { pattern: new RegExp(`${PROJECT}/behaviour-diff$`), module: behaviourDiffRoute },
    { pattern: new RegExp(`${PROJECT}/publish$`), module: publishRoute },
  ]);
  await createPrompt({
    access,
    input: {
      name: "greet",
      arguments: [
        { name: "who", required: true },
        { name: "tone", required: true },
      ],
      messages: [{ role: "user", content: { type: "text", text: GREET_TEXT } }],
    },
  });
  await createResource({
    access,
    input: {
      name: "weather",
      kind: "template",
      uri: "weather://cities/{city}",
      mimeType: "application/json",
      handler: "async ({ city }) => ({ text: JSON.stringify({ city, temperature: 21 }) })",
    },
  });
  await createResource({ access, input: { name: "readme", uri: "notes://readme", mimeType: "text/markdown", text: "# Hello\nWelcome" } });
});

afterAll(async () => {
  await server?.close();
});

function casesApi(user: TestUser, kind: "prompts" | "resources") {
  const module = kind === "prompts" ? promptCasesRoute : resourceCasesRoute;
  return {
    create: async (name: string, body: unknown) =>
      call<{ name: string; prompt?: string; resource?: string; tool?: string } & ErrorBody>(module.POST, {
        method: "POST",
        path: `/app/v1/organizations/${orgSlug}/projects/${projectSlug}/${kind}/${name}/test-cases`,
        headers: await asSession(user),
        params: { org: orgSlug, project: projectSlug, name },
        body,
      }),
    list: async (name: string) =>
      call<{ data: Array<{ name: string }> } & ErrorBody>(module.GET, {
        path: "/",
        headers: await asSession(user),
        params: { org: orgSlug, project: projectSlug, name },
      }),
  };
}

async function post<T>(user: TestUser, route: string, body: Record<string, unknown> = {}) {
  const response = await fetch(`${server.origin}/app/v1/organizations/${orgSlug}/projects/${projectSlug}/${route}`, {
    method: "POST",
    headers: { cookie: await sessionCookie(user), origin: server.origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T & ErrorBody };
}

const runTests = (user: TestUser, body: Record<string, string> = {}) => post<TestRunSummary>(user, "test-runs", body);
const resultOf = (run: TestRunSummary, name: string) => run.results.find((result) => result.case === name) as CaseResult;
const kindsAndVerdicts = (result: CaseResult) => result.expectations.map((item) => [item.kind, item.passed]);
const draftRevision = async () => (await db.project.findUniqueOrThrow({ where: { id: access.project.id } })).draftRevision;
const countRuns = (environment: "draft" | "production") => db.testRun.count({ where: { projectId: access.project.id, environment } });

async function setGate(testGate: "off" | "advisory" | "required") {
  const response = await call(testGateRoute.PUT, {
    method: "PUT",
    path: "/",
    headers: await asSession(fixture.users.owner),
    params: { org: orgSlug, project: projectSlug },
    body: { testGate },
  });
  expect(response.status).toBe(200);
}

const greeting = [{ role: "user", content: { type: "text", text: "Write a warm greeting for Ada." } }];

describe("prompt test cases", () => {
  const passing: Expectation[] = [
    { kind: "isError", value: false },
    { kind: "structuredEquals", value: greeting },
    { kind: "structuredContains", value: [{ role: "user", content: { text: "Write a warm greeting for Ada." } }] },
    { kind: "structuredMatchesSchema", schema: { type: "array", minItems: 1, items: { type: "object", required: ["role", "content"] } } },
    { kind: "textContains", value: "greeting for Ada" },
    { kind: "textMatches", pattern: "^write a WARM", flags: "i" },
    { kind: "maxDurationMs", value: 600_000 },
  ];
  const failing: Expectation[] = [
    { kind: "isError", value: true },
    { kind: "structuredEquals", value: [{ role: "assistant", content: { type: "text", text: "Hi" } }] },
    { kind: "structuredContains", value: [{ role: "assistant" }] },
    { kind: "structuredMatchesSchema", schema: { type: "array", maxItems: 0 } },
    { kind: "textContains", value: "Grace" },
    { kind: "textMatches", pattern: "^cold" },
    { kind: "errorCode", code: "-32602" },
  ];

  it("saves cases with a prompt as part of the draft; refuses MIME type expectations, non-string arguments, unknown prompts and viewers", async () => {
    const api = casesApi(fixture.users.editor, "prompts");
    const before = await draftRevision();
    const created = await api.create("greet", { name: "all-pass", input: { who: "Ada", tone: "warm" }, expectations: passing });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ prompt: "greet", name: "all-pass" });
    expect(created.body).not.toHaveProperty("tool");
    expect(await draftRevision()).toBe(before + 1);
    expect((await api.create("greet", { name: "all-fail", input: { who: "Ada", tone: "warm" }, expectations: failing })).status).toBe(201);
    expect(
      (
        await api.create("greet", {
          name: "missing-argument",
          input: { who: "Ada" },
          expectations: [
            { kind: "isError", value: true },
            { kind: "errorCode", code: "-32602" },
            { kind: "isError", value: false },
          ],
        })
      ).status,
    ).toBe(201);

    const mime = await api.create("greet", { name: "bad", expectations: [{ kind: "mimeType", value: "text/plain" }] });
    expect(mime.status).toBe(422);
    expect(mime.body.error.message).toBe("expectations: mimeType is not an expectation a prompt's test case can have");
    const number = await api.create("greet", { name: "bad", input: { who: 3 }, expectations: [{ kind: "isError", value: false }] });
    expect(number.status).toBe(422);
    expect(number.body.error.message).toBe("input.who: prompt arguments are strings");
    expect((await api.create("nope", { name: "x", expectations: [{ kind: "isError", value: false }] })).status).toBe(404);
    expect(
      (await casesApi(fixture.users.viewer, "prompts").create("greet", { name: "v", expectations: [{ kind: "isError", value: false }] }))
        .status,
    ).toBe(403);
    expect((await casesApi(fixture.users.viewer, "prompts").list("greet")).body.data.map((item) => item.name)).toEqual([
      "all-fail",
      "all-pass",
      "missing-argument",
    ]);
  });

  it("passes every expectation kind that holds, through prompts/get on the draft", async () => {
    const run = await runTests(fixture.users.editor, { prompt: "greet", case: "all-pass" });
    expect(run.status).toBe(201);
    const result = resultOf(run.body, "all-pass");
    expect(result).toMatchObject({ prompt: "greet", passed: true });
    expect(kindsAndVerdicts(result)).toEqual(passing.map((item) => [item.kind, true]));
    expect(result.outcome.structuredContent).toEqual(greeting);
  });

  it("fails every expectation kind that does not hold, with the actual value and a readable diff", async () => {
    const result = resultOf((await runTests(fixture.users.editor, { prompt: "greet", case: "all-fail" })).body, "all-fail");
    expect(result.passed).toBe(false);
    expect(kindsAndVerdicts(result)).toEqual(failing.map((item) => [item.kind, false]));
    expect(result.expectations[1].diff).toContain('/0/role: expected a string ("assistant"), got a string ("user")');
    expect(result.expectations[4]).toMatchObject({
      actual: ["Write a warm greeting for Ada."],
      diff: 'no text content block contains "Grace"',
    });
    expect(result.expectations[6].diff).toBe("expected error code -32602, got no error");
  });

  it("checks an error: a missing required argument is JSON-RPC -32602", async () => {
    const result = resultOf((await runTests(fixture.users.editor, { prompt: "greet", case: "missing-argument" })).body, "missing-argument");
    expect(result.expectations.map((item) => item.passed)).toEqual([true, true, false]);
    expect(result.expectations[2].diff).toMatch(/^expected a successful result, got an error \(JSON-RPC -32602: /);
  });
});

describe("resource template test cases", () => {
  const passing: Expectation[] = [
    { kind: "isError", value: false },
    { kind: "mimeType", value: "application/json" },
    { kind: "structuredEquals", value: { temperature: 21, city: "paris" } },
    { kind: "structuredContains", value: { temperature: 21 } },
    { kind: "structuredMatchesSchema", schema: { type: "object", properties: { temperature: { type: "number" } } } },
    { kind: "textContains", value: '"city":"paris"' },
    { kind: "textMatches", pattern: '"temperature":\\d+' },
    { kind: "maxDurationMs", value: 600_000 },
  ];
  const failing: Expectation[] = [
    { kind: "isError", value: true },
    { kind: "mimeType", value: "text/plain" },
    { kind: "structuredEquals", value: { city: "paris" } },
    { kind: "structuredContains", value: { temperature: "21" } },
    { kind: "structuredMatchesSchema", schema: { type: "object", required: ["wind"] } },
    { kind: "textContains", value: "london" },
    { kind: "textMatches", pattern: "^rain" },
    { kind: "errorCode", code: "-32602" },
  ];

  it("builds the URI from the template's variables and passes every expectation kind that holds", async () => {
    const api = casesApi(fixture.users.editor, "resources");
    expect((await api.create("weather", { name: "paris", input: { city: "paris" }, expectations: passing })).status).toBe(201);
    const run = await runTests(fixture.users.editor, { resource: "weather", case: "paris" });
    expect(run.status).toBe(201);
    const result = resultOf(run.body, "paris");
    expect(result).toMatchObject({ resource: "weather", passed: true });
    expect(kindsAndVerdicts(result)).toEqual(passing.map((item) => [item.kind, true]));
  });

  it("fails every expectation kind that does not hold", async () => {
    const api = casesApi(fixture.users.editor, "resources");
    expect((await api.create("weather", { name: "all-fail", input: { city: "paris" }, expectations: failing })).status).toBe(201);
    const result = resultOf((await runTests(fixture.users.editor, { resource: "weather", case: "all-fail" })).body, "all-fail");
    expect(kindsAndVerdicts(result)).toEqual(failing.map((item) => [item.kind, false]));
    expect(result.expectations[1]).toMatchObject({
      actual: ["application/json"],
      diff: "expected MIME type text/plain, got application/json",
    });
    expect(result.expectations[2].diff).toContain("/temperature: unexpected a number (21)");
    expect(result.expectations[3].diff).toBe('/temperature: expected a string ("21"), got a number (21)');
  });

  it("reads static resources too, and says when the contents are not JSON; refuses non-string variables", async () => {
    const api = casesApi(fixture.users.editor, "resources");
    expect(
      (
        await api.create("readme", {
          name: "welcome",
          expectations: [
            { kind: "textContains", value: "Welcome" },
            { kind: "mimeType", value: "text/markdown" },
            { kind: "structuredMatchesSchema", schema: { type: "object" } },
          ],
        })
      ).status,
    ).toBe(201);
    const result = resultOf((await runTests(fixture.users.editor, { resource: "readme" })).body, "welcome");
    expect(result.expectations.map((item) => item.passed)).toEqual([true, true, false]);
    expect(result.expectations[2].diff).toBe("the resource's text contents are not JSON");
    const bad = await api.create("weather", { name: "bad", input: { city: 7 }, expectations: [{ kind: "isError", value: false }] });
    expect(bad.body.error.message).toBe("input.city: resource template variables are strings");
  });

  it("a resource's case is an error when the handler throws", async () => {
    await updateResource({
      access,
      name: "weather",
      input: {
        handler:
          "async ({ city }) => { if (city === 'nowhere') throw new Error('no such city'); return { text: JSON.stringify({ city, temperature: 21 }) }; }",
      },
    });
    const api = casesApi(fixture.users.editor, "resources");
    expect(
      (await api.create("weather", { name: "nowhere", input: { city: "nowhere" }, expectations: [{ kind: "isError", value: true }] }))
        .status,
    ).toBe(201);
    const result = resultOf((await runTests(fixture.users.editor, { resource: "weather", case: "nowhere" })).body, "nowhere");
    expect(result.passed).toBe(true);
    expect(result.outcome.protocolError).not.toBeNull();
  });
});

describe("prompt and resource cases in the release flow", () => {
  it("runs them with Run all tests and lists their last results", async () => {
    const run = await runTests(fixture.users.editor);
    expect(run.body.results.map((result) => `${result.prompt ?? result.resource}/${result.case}`)).toEqual([
      "greet/all-fail",
      "greet/all-pass",
      "greet/missing-argument",
      "readme/welcome",
      "weather/all-fail",
      "weather/nowhere",
      "weather/paris",
    ]);
    const listed = await call<{ lastResults: Array<{ prompt?: string; resource?: string; case: string; run: { id: string } | null }> }>(
      testRunsRoute.GET,
      { path: "/", headers: await asSession(fixture.users.viewer), params: { org: orgSlug, project: projectSlug } },
    );
    expect(listed.body.lastResults.find((item) => item.prompt === "greet" && item.case === "all-pass")?.run?.id).toBe(run.body.id);
  });

  it("pins them in the package and diffs them at publish", async () => {
    const api = publishingApi({ orgSlug, projectSlug });
    const preview = await api.preview(fixture.users.owner);
    expect(preview.body.testCases?.added).toEqual(
      expect.arrayContaining(["prompts/greet/all-pass", "resources/weather/paris", "resources/readme/welcome"]),
    );
    expect(preview.body.files.map((file) => file.path)).toEqual(
      expect.arrayContaining(["tests/prompts/greet/all-pass.json", "tests/resources/weather/paris.json"]),
    );
    const published = await post<{ version: string }>(fixture.users.owner, "publish", { changelog: "Prompt and resource cases" });
    expect(published.status).toBe(201);
    const pinned = await api.package(fixture.users.owner, published.body.version);
    const cases = pinned.body.manifest.testCases as Array<Record<string, unknown>>;
    expect(cases.find((item) => item.prompt === "greet" && item.name === "all-pass")).toEqual({
      prompt: "greet",
      name: "all-pass",
      input: { who: "Ada", tone: "warm" },
      expectations: expect.any(Array),
    });
    expect(cases.find((item) => item.resource === "weather" && item.name === "paris")).toMatchObject({ input: { city: "paris" } });

    await casesApi(fixture.users.editor, "prompts").create("greet", { name: "later", expectations: [{ kind: "isError", value: false }] });
    const next = await api.preview(fixture.users.owner);
    expect(next.body.testCases).toEqual({ added: ["prompts/greet/later"], modified: [], removed: [] });
    // Deleting a prompt takes its cases with it: they show as removed.
    const removed = await call(promptCaseRoute.DELETE, {
      method: "DELETE",
      path: "/",
      headers: await asSession(fixture.users.editor),
      params: { org: orgSlug, project: projectSlug, name: "greet", case: "later" },
    });
    expect(removed.status).toBe(204);
  });

  it("the behaviour diff compares prompt and resource cases on production and draft, flagging breaking ones", async () => {
    await updateResource({
      access,
      name: "weather",
      input: { handler: "async ({ city }) => ({ text: JSON.stringify({ city, temperature: String(21) }) })" },
    });
    await updatePrompt({
      access,
      name: "greet",
      input: { messages: [{ role: "user", content: { type: "text", text: "Say hi to {{who}} ({{tone}})." } }] },
    });
    const diff = await post<BehaviourDiff>(fixture.users.owner, "behaviour-diff");
    expect(diff.status).toBe(200);
    const weather = diff.body.changed.find((change) => change.resource === "weather" && change.case === "paris");
    expect(weather).toMatchObject({ changes: ["temperature: number → string"], breaking: true });
    const greet = diff.body.changed.find((change) => change.prompt === "greet" && change.case === "all-pass");
    expect(greet).toMatchObject({
      changes: ['0.content.text: "Write a warm greeting for Ada." → "Say hi to Ada (warm)."'],
      breaking: true,
    });
  });

  it("the required gate counts prompt and resource cases", async () => {
    await setGate("required");
    const refused = await post<unknown>(fixture.users.owner, "publish", { changelog: "Broken" });
    expect(refused.status).toBe(409);
    const run = refused.body.error.details?.testRun as TestRunSummary;
    const failingCases = run.results
      .filter((result) => !result.passed)
      .map((result) => `${result.prompt ?? result.resource}/${result.case}`);
    expect(failingCases).toEqual(expect.arrayContaining(["greet/all-pass", "weather/paris"]));
    await setGate("off");
  });
});

describe("the Publish dialog's flow runs the draft suite once", () => {
  it("reuses the dialog's draft run for the behaviour diff and for publish", async () => {
    // Put the draft back to passing, with the gate required: the flow must still publish.
    await updateResource({
      access,
      name: "weather",
      input: {
        handler:
          "async ({ city }) => { if (city === 'nowhere') throw new Error('no'); return { text: JSON.stringify({ city, temperature: 21 }) }; }",
      },
    });
    await updatePrompt({ access, name: "greet", input: { messages: [{ role: "user", content: { type: "text", text: GREET_TEXT } }] } });
    for (const [module, name, testCase] of [
      [promptCaseRoute, "greet", "all-fail"],
      [promptCaseRoute, "greet", "missing-argument"],
      [resourceCaseRoute, "weather", "all-fail"],
      [resourceCaseRoute, "readme", "welcome"],
    ] as const) {
      const removed = await call(module.DELETE, {
        method: "DELETE",
        path: "/",
        headers: await asSession(fixture.users.editor),
        params: { org: orgSlug, project: projectSlug, name, case: testCase },
      });
      expect(removed.status).toBe(204);
    }
    await setGate("required");

    const [draftBefore, productionBefore] = [await countRuns("draft"), await countRuns("production")];
    // 1. The gate section: one run on the draft.
    const run = await runTests(fixture.users.owner);
    expect(run.status).toBe(201);
    expect(run.body.failed).toBe(0);
    // 2. The behaviour diff: production only, the draft side is that run.
    const diff = await post<BehaviourDiff>(fixture.users.owner, "behaviour-diff", { draftRunId: run.body.id });
    expect(diff.status).toBe(200);
    expect(diff.body.draftRun.id).toBe(run.body.id);
    expect(diff.body.productionRun).not.toBeNull();
    // 3. Publish with that run: the gate reads it instead of running the suite again.
    const published = await post<{ testRun: TestRunSummary }>(fixture.users.owner, "publish", {
      changelog: "Back to normal",
      testRunId: run.body.id,
    });
    expect(published.status).toBe(201);
    expect(published.body.testRun.id).toBe(run.body.id);
    expect(await countRuns("draft")).toBe(draftBefore + 1);
    expect(await countRuns("production")).toBe(productionBefore + 1);
    await setGate("off");
  });

  it("runs the suite again when the run no longer describes the draft, or is not a complete draft run", async () => {
    await setGate("advisory");
    const run = await runTests(fixture.users.owner);
    await updatePrompt({ access, name: "greet", input: { description: "changed after the run" } });
    const before = await countRuns("draft");
    const stale = await post<{ testRun: TestRunSummary }>(fixture.users.owner, "publish", {
      changelog: "Stale run",
      testRunId: run.body.id,
    });
    expect(stale.status).toBe(201);
    expect(stale.body.testRun.id).not.toBe(run.body.id);
    expect(await countRuns("draft")).toBe(before + 1);

    // A run of only the weather cases, made at the current revision: complete it is not.
    await updatePrompt({ access, name: "greet", input: { description: "changed again" } });
    const partial = await runTests(fixture.users.owner, { resource: "weather" });
    expect(partial.status).toBe(201);
    expect(partial.body.draftRevision).toBe(await draftRevision());
    const beforeDiff = await countRuns("draft");
    const diff = await post<BehaviourDiff>(fixture.users.owner, "behaviour-diff", { draftRunId: partial.body.id });
    expect(diff.status).toBe(200);
    expect(diff.body.draftRun.id).not.toBe(partial.body.id);
    expect(diff.body.draftRun.results.length).toBeGreaterThan(partial.body.results.length);
    expect(await countRuns("draft")).toBe(beforeDiff + 1);
    const beforePublish = await countRuns("draft");
    const published = await post<{ testRun: TestRunSummary }>(fixture.users.owner, "publish", {
      changelog: "Partial run",
      testRunId: partial.body.id,
    });
    expect(published.status).toBe(201);
    expect(published.body.testRun.id).not.toBe(partial.body.id);
    expect(await countRuns("draft")).toBe(beforePublish + 1);
    await setGate("off");
  });

  it("does not reuse a run of another project, a production run, or a run older than 30 minutes", async () => {
    await setGate("advisory");
    const run = await runTests(fixture.users.owner);
    expect(run.status).toBe(201);
    // The control: this complete run at the current revision is reused by both.
    const reused = await post<BehaviourDiff>(fixture.users.owner, "behaviour-diff", { draftRunId: run.body.id });
    expect(reused.body.draftRun.id).toBe(run.body.id);
    const gate = await checkPublishGate({ access, actor: fixture.users.owner, origin: server.origin, testRunId: run.body.id });
    expect(gate.run?.id).toBe(run.body.id);

    // Copies of that run, each differing in one way only.
    const { id: _, results, ...row } = await db.testRun.findUniqueOrThrow({ where: { id: run.body.id } });
    const other = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
    const copy = async (data: { projectId?: string; environment?: string; createdAt?: Date }) =>
      (await db.testRun.create({ data: { ...row, results: results as Prisma.InputJsonValue, ...data }, select: { id: true } })).id;
    const notReusable = {
      "another project": await copy({ projectId: other.access.project.id }),
      production: await copy({ environment: "production" }),
      "31 minutes old": await copy({ createdAt: new Date(Date.now() - 31 * 60 * 1000) }),
    };
    for (const [label, id] of Object.entries(notReusable)) {
      const beforeDiff = await countRuns("draft");
      const diff = await post<BehaviourDiff>(fixture.users.owner, "behaviour-diff", { draftRunId: id });
      expect(diff.status, label).toBe(200);
      expect(diff.body.draftRun.id, label).not.toBe(id);
      expect(await countRuns("draft"), label).toBe(beforeDiff + 1);

      const beforeGate = await countRuns("draft");
      const checked = await checkPublishGate({ access, actor: fixture.users.owner, origin: server.origin, testRunId: id });
      expect(checked.run?.id, label).not.toBe(id);
      expect(await countRuns("draft"), label).toBe(beforeGate + 1);
    }
    await setGate("off");
  });

  it("deleting a prompt deletes its cases", async () => {
    await deletePrompt({ access, name: "greet" });
    expect(await db.testCase.count({ where: { projectId: access.project.id, name: "all-pass" } })).toBe(0);
  });
});
