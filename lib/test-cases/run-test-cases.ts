// Runs saved test cases against the project's draft endpoint through the real MCP client, as the
// member who asked: tools/call for a tool's case, prompts/get (the case's arguments) for a
// prompt's, resources/read for a resource's (a template's URI built from the case's variables). The server mints a short-lived test panel credential for that member (the
// same user-bound credential the studio's test panel uses, lib/test-panel-credentials) and calls
// its own draft endpoint over HTTP with the SDK client, so a case exercises exactly what a host
// gets: auth, rate limits, input and output validation, the sandbox, the recorded execution.
// Every run is kept (TestRun): who, when, the draft revision, and per-case results.
//
// For the behaviour diff (behaviour-diff.ts) the same cases also run on production: there the
// credential is a production token minted for this run only and revoked as soon as it ends, so
// production is exercised exactly as a host with a token sees it (the package, live secrets).
import "server-only";
import { Client, ProtocolError, StreamableHTTPClientTransport, UriTemplate } from "@modelcontextprotocol/client";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mcpEndpointUrl } from "@/lib/mcp/protected-resource";
import { loadPackageManifest } from "@/lib/packages/package-manifests";
import { issueTestPanelToken } from "@/lib/test-panel-credentials/test-panel-tokens";
import { generateToken } from "@/lib/tokens/secret-token";
import { type CallOutcome, type ExpectationVerdict, evaluateExpectations } from "./evaluate-expectations";
import { type TargetRef, type TestTarget, targetOf, targetRef } from "./test-case-input";
import { type PresentedTestCase, unsafeListProjectTestCases } from "./test-cases";

/** One case's result; its target is named as in the case (`tool`, `prompt` or `resource`). */
export type CaseResult = TargetRef & {
  case: string;
  passed: boolean;
  durationMs: number;
  expectations: ExpectationVerdict[];
  /** What the call returned, for the side-by-side views (structuredContent, text, error code). */
  outcome: { isError: boolean; structuredContent: unknown; text: string[]; protocolError: CallOutcome["protocolError"] };
};

export type TestEnvironment = "draft" | "production";

export type TestRunSummary = {
  id: string;
  environment: TestEnvironment;
  draftRevision: number | null;
  packageVersion: string | null;
  actorLabel: string;
  passed: number;
  failed: number;
  results: CaseResult[];
  createdAt: Date;
};

/** Results and runs name a case "<target key>/<case>": `get_weather/paris`, `prompts/greet/formal`. */
export function caseKey(result: TargetRef & { case: string }) {
  const target = targetOf(result);
  return `${target.kind === "tool" ? "" : `${target.kind}s/`}${target.name}/${result.case}`;
}

const sameTarget = (a: TargetRef, b: TestTarget) => {
  const target = targetOf(a);
  return target.kind === b.kind && target.name === b.name;
};

/**
 * Runs the project's cases (or one target's, or one case) on the draft. `origin` is the address the
 * endpoint is reachable at from this server: the request's public origin (lib/http publicOrigin).
 */
export async function runTestCases(options: {
  access: ProjectAccess;
  actor: Actor;
  origin: string;
  /** Only this tool's, prompt's or resource's cases. */
  target?: TestTarget;
  caseName?: string;
  /** "draft" unless said otherwise; "production" needs a published package. */
  environment?: TestEnvironment;
  onProgress?: (done: number, total: number) => void;
}): Promise<TestRunSummary> {
  const { access, actor } = options;
  const environment = options.environment ?? "draft";
  const project = await db.project.findUniqueOrThrow({
    where: { id: access.project.id },
    select: { draftRevision: true, productionPackage: { select: { id: true, version: true } } },
  });
  if (environment === "production" && !project.productionPackage) throw notFound("Production version");
  let cases = await unsafeListProjectTestCases(access.project.id);
  const target = options.target;
  if (target) {
    await assertTargetExists(access.project.id, target);
    cases = cases.filter((testCase) => sameTarget(testCase, target));
  }
  if (options.caseName) {
    cases = cases.filter((testCase) => testCase.name === options.caseName);
    if (cases.length === 0) throw notFound("Test case");
  }
  const url = mcpEndpointUrl({
    origin: options.origin,
    orgSlug: access.organization.slug,
    projectSlug: access.project.slug,
    environment,
  });
  const resourceUris = await resourceUrisOf(access.project.id, environment, project.productionPackage?.id ?? null);
  const results = cases.length
    ? await callCases({ access, actor, url, environment, cases, resourceUris, onProgress: options.onProgress })
    : [];
  const passed = results.filter((result) => result.passed).length;
  const row = await db.testRun.create({
    data: {
      projectId: access.project.id,
      actorId: actor.userId,
      actorLabel: actor.email,
      environment,
      draftRevision: environment === "draft" ? project.draftRevision : null,
      packageVersion: environment === "production" ? (project.productionPackage?.version ?? null) : null,
      passed,
      failed: results.length - passed,
      results: results as unknown as Prisma.InputJsonValue,
    },
  });
  return presentTestRun(row);
}

async function assertTargetExists(projectId: string, target: TestTarget) {
  const where = { projectId_name: { projectId, name: target.name } };
  const found =
    target.kind === "tool"
      ? await db.tool.findUnique({ where, select: { id: true } })
      : target.kind === "prompt"
        ? await db.prompt.findUnique({ where, select: { id: true } })
        : await db.mcpResource.findUnique({ where, select: { id: true } });
  if (!found) throw notFound(target.kind === "tool" ? "Tool" : target.kind === "prompt" ? "Prompt" : "Resource");
}

/**
 * Each resource's URI (static) or URI template on the endpoint the cases run on: the draft's, or
 * the production package's — a case names its resource, and production may pin another template.
 */
type ResourceUris = Map<string, { kind: string; uri: string }>;

async function resourceUrisOf(projectId: string, environment: TestEnvironment, productionPackageId: string | null): Promise<ResourceUris> {
  const resources =
    environment === "production" && productionPackageId
      ? ((await loadPackageManifest(productionPackageId)).resources ?? [])
      : await db.mcpResource.findMany({ where: { projectId }, select: { name: true, kind: true, uri: true } });
  return new Map(resources.map((resource) => [resource.name, { kind: resource.kind, uri: resource.uri }]));
}

async function callCases(options: {
  access: ProjectAccess;
  actor: Actor;
  url: string;
  environment: TestEnvironment;
  cases: PresentedTestCase[];
  resourceUris: ResourceUris;
  onProgress?: (done: number, total: number) => void;
}): Promise<CaseResult[]> {
  const credential = await issueCredential(options);
  try {
    return await callWith(credential.token, options);
  } finally {
    await credential.revoke();
  }
}

async function issueCredential(options: { access: ProjectAccess; actor: Actor; url: string; environment: TestEnvironment }) {
  if (options.environment === "draft") {
    const { token } = await issueTestPanelToken({ access: options.access, actor: options.actor, resource: options.url });
    return { token, revoke: async () => {} };
  }
  const { token, hash, prefix } = generateToken("prod");
  const row = await db.productionToken.create({
    data: {
      projectId: options.access.project.id,
      name: `Atelier test cases (${options.actor.email})`,
      tokenHash: hash,
      prefix,
      createdById: options.actor.userId,
    },
    select: { id: true },
  });
  return { token, revoke: async () => void (await db.productionToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } })) };
}

async function callWith(
  token: string,
  options: { url: string; cases: PresentedTestCase[]; resourceUris: ResourceUris; onProgress?: (done: number, total: number) => void },
) {
  const client = new Client({ name: "Atelier test cases", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  try {
    const results: CaseResult[] = [];
    for (const testCase of options.cases) {
      results.push(await runCase(client, testCase, options.resourceUris));
      options.onProgress?.(results.length, options.cases.length);
    }
    return results;
  } finally {
    await client.close();
  }
}

async function runCase(client: Client, testCase: PresentedTestCase, resourceUris: ResourceUris): Promise<CaseResult> {
  const target = targetOf(testCase);
  const outcome = await callOnce(client, target, testCase.input, resourceUris);
  const expectations = evaluateExpectations(testCase.expectations, outcome);
  return {
    ...targetRef(target),
    case: testCase.name,
    passed: expectations.every((verdict) => verdict.passed),
    durationMs: Math.round(outcome.durationMs),
    expectations,
    outcome: {
      isError: outcome.protocolError !== null || outcome.result?.isError === true,
      structuredContent: outcome.result?.structuredContent ?? null,
      text: (outcome.result?.content ?? []).flatMap((block) =>
        block.type === "text" && typeof block.text === "string" ? [block.text] : [],
      ),
      protocolError: outcome.protocolError,
    },
  };
}

type Answer = Pick<CallOutcome, "result" | "mimeTypes" | "structuredMissing">;

/** Calls the target once and puts its answer in a tool result's shape (evaluate-expectations.ts). */
async function callOnce(
  client: Client,
  target: TestTarget,
  input: Record<string, unknown>,
  resourceUris: ResourceUris,
): Promise<CallOutcome> {
  const started = performance.now();
  try {
    const answer = await callTarget(client, target, input, resourceUris);
    return { ...answer, protocolError: null, durationMs: performance.now() - started };
  } catch (error) {
    const durationMs = performance.now() - started;
    if (error instanceof ProtocolError) return { result: null, protocolError: { code: error.code, message: error.message }, durationMs };
    return { result: null, protocolError: { code: -1, message: error instanceof Error ? error.message : String(error) }, durationMs };
  }
}

async function callTarget(client: Client, target: TestTarget, input: Record<string, unknown>, resourceUris: ResourceUris): Promise<Answer> {
  switch (target.kind) {
    case "tool":
      return { result: (await client.callTool({ name: target.name, arguments: input })) as CallOutcome["result"] };
    case "prompt": {
      const result = await client.getPrompt({ name: target.name, arguments: input as Record<string, string> });
      const content = result.messages.flatMap((message) =>
        message.content.type === "text" ? [{ type: "text", text: message.content.text }] : [],
      );
      return { result: { isError: false, content, structuredContent: result.messages } };
    }
    case "resource": {
      const resource = resourceUris.get(target.name);
      if (!resource) throw new ProtocolError(-32002, `The resource ${target.name} does not exist on this endpoint`);
      const uri = resource.kind === "template" ? new UriTemplate(resource.uri).expand(input as Record<string, string>) : resource.uri;
      const result = await client.readResource({ uri });
      const texts = result.contents.flatMap((item) => ("text" in item && typeof item.text === "string" ? [item.text] : []));
      let structuredContent: unknown;
      let structuredMissing: string | undefined;
      try {
        structuredContent = texts.length ? JSON.parse(texts[0]) : undefined;
        if (!texts.length) structuredMissing = "the resource has no text contents";
      } catch {
        structuredMissing = "the resource's text contents are not JSON";
      }
      return {
        result: { isError: false, content: texts.map((text) => ({ type: "text", text })), structuredContent },
        mimeTypes: result.contents.flatMap((item) => (item.mimeType ? [item.mimeType] : [])),
        structuredMissing,
      };
    }
  }
}

export function presentTestRun(row: {
  id: string;
  environment: string;
  draftRevision: number | null;
  packageVersion: string | null;
  actorLabel: string;
  passed: number;
  failed: number;
  results: unknown;
  createdAt: Date;
}): TestRunSummary {
  return {
    id: row.id,
    environment: row.environment === "production" ? "production" : "draft",
    draftRevision: row.draftRevision,
    packageVersion: row.packageVersion,
    actorLabel: row.actorLabel,
    passed: row.passed,
    failed: row.failed,
    results: row.results as CaseResult[],
    createdAt: row.createdAt,
  };
}

/** How long a draft run may be reused by the Publish dialog's behaviour diff and publish. */
const REUSABLE_FOR_MS = 30 * 60 * 1000;

/**
 * A run of all the project's cases on the draft as it is now, to be reused instead of running the
 * suite again: the Publish dialog runs the draft once and hands that run to the behaviour diff and
 * to publish. Reusable when it is this project's draft run, recent, at the current draft revision
 * (cases are part of the draft, so they are the same) and has a result for every current case.
 * Null otherwise: the caller runs the suite itself.
 */
export async function findReusableDraftRun(options: { access: ProjectAccess; runId: string | undefined }): Promise<TestRunSummary | null> {
  if (!options.runId) return null;
  const projectId = options.access.project.id;
  const [row, project, cases] = await Promise.all([
    db.testRun.findFirst({ where: { id: options.runId, projectId, environment: "draft" } }),
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { draftRevision: true } }),
    unsafeListProjectTestCases(projectId),
  ]);
  if (!row || row.draftRevision !== project.draftRevision || Date.now() - row.createdAt.getTime() > REUSABLE_FOR_MS) return null;
  const run = presentTestRun(row);
  const ran = new Set(run.results.map(caseKey));
  const complete = ran.size === cases.length && cases.every((testCase) => ran.has(caseKey({ ...testCase, case: testCase.name })));
  return complete ? run : null;
}

/** The project's recent runs, newest first, and the last result of every current case. */
export async function listTestRuns(options: { access: ProjectAccess; limit?: number }) {
  const [rows, cases] = await Promise.all([
    db.testRun.findMany({ where: { projectId: options.access.project.id }, orderBy: { createdAt: "desc" }, take: options.limit ?? 50 }),
    unsafeListProjectTestCases(options.access.project.id),
  ]);
  const runs = rows.map(presentTestRun);
  const lastResults = cases.map((testCase) => {
    const key = caseKey({ ...testCase, case: testCase.name });
    const run = runs.find((candidate) => candidate.results.some((result) => caseKey(result) === key));
    const result = run?.results.find((candidate) => caseKey(candidate) === key) ?? null;
    const target = targetOf(testCase);
    return {
      ...targetRef(target),
      case: testCase.name,
      result,
      run: run ? { id: run.id, createdAt: run.createdAt, actorLabel: run.actorLabel, draftRevision: run.draftRevision } : null,
    };
  });
  return { runs, lastResults };
}
