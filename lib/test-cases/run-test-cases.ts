// Runs saved test cases against the project's draft endpoint through the real MCP client, as the
// member who asked. The server mints a short-lived test panel credential for that member (the
// same user-bound credential the studio's test panel uses, lib/test-panel-credentials) and calls
// its own draft endpoint over HTTP with the SDK client, so a case exercises exactly what a host
// gets: auth, rate limits, input and output validation, the sandbox, the recorded execution.
// Every run is kept (TestRun): who, when, the draft revision, and per-case results.
//
// For the behaviour diff (behaviour-diff.ts) the same cases also run on production: there the
// credential is a production token minted for this run only and revoked as soon as it ends, so
// production is exercised exactly as a host with a token sees it (the package, live secrets).
import "server-only";
import { Client, ProtocolError, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import type { ProjectAccess } from "@/lib/access";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mcpEndpointUrl } from "@/lib/mcp/protected-resource";
import { issueTestPanelToken } from "@/lib/test-panel-credentials/test-panel-tokens";
import { generateToken } from "@/lib/tokens/secret-token";
import { type CallOutcome, type ExpectationVerdict, evaluateExpectations } from "./evaluate-expectations";
import { type PresentedTestCase, unsafeListProjectTestCases } from "./test-cases";

export type CaseResult = {
  tool: string;
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

/**
 * Runs the project's cases (or one tool's, or one case) on the draft. `origin` is the address the
 * endpoint is reachable at from this server: the request's public origin (lib/http publicOrigin).
 */
export async function runTestCases(options: {
  access: ProjectAccess;
  actor: Actor;
  origin: string;
  toolName?: string;
  caseName?: string;
  /** "draft" unless said otherwise; "production" needs a published package. */
  environment?: TestEnvironment;
  onProgress?: (done: number, total: number) => void;
}): Promise<TestRunSummary> {
  const { access, actor } = options;
  const environment = options.environment ?? "draft";
  const project = await db.project.findUniqueOrThrow({
    where: { id: access.project.id },
    select: { draftRevision: true, productionPackage: { select: { version: true } } },
  });
  if (environment === "production" && !project.productionPackage) throw notFound("Production version");
  let cases = await unsafeListProjectTestCases(access.project.id);
  if (options.toolName) {
    if (!(await db.tool.findUnique({ where: { projectId_name: { projectId: access.project.id, name: options.toolName } } })))
      throw notFound("Tool");
    cases = cases.filter((testCase) => testCase.tool === options.toolName);
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
  const results = cases.length ? await callCases({ access, actor, url, environment, cases, onProgress: options.onProgress }) : [];
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

async function callCases(options: {
  access: ProjectAccess;
  actor: Actor;
  url: string;
  environment: TestEnvironment;
  cases: PresentedTestCase[];
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
  options: { url: string; cases: PresentedTestCase[]; onProgress?: (done: number, total: number) => void },
) {
  const client = new Client({ name: "Atelier test cases", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  try {
    const results: CaseResult[] = [];
    for (const testCase of options.cases) {
      results.push(await runCase(client, testCase));
      options.onProgress?.(results.length, options.cases.length);
    }
    return results;
  } finally {
    await client.close();
  }
}

async function runCase(client: Client, testCase: PresentedTestCase): Promise<CaseResult> {
  const outcome = await callOnce(client, testCase);
  const expectations = evaluateExpectations(testCase.expectations, outcome);
  return {
    tool: testCase.tool,
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

async function callOnce(client: Client, testCase: PresentedTestCase): Promise<CallOutcome> {
  const started = performance.now();
  try {
    const result = await client.callTool({ name: testCase.tool, arguments: testCase.input });
    return { result: result as CallOutcome["result"], protocolError: null, durationMs: performance.now() - started };
  } catch (error) {
    const durationMs = performance.now() - started;
    if (error instanceof ProtocolError) return { result: null, protocolError: { code: error.code, message: error.message }, durationMs };
    return { result: null, protocolError: { code: -1, message: error instanceof Error ? error.message : String(error) }, durationMs };
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

/** The project's recent runs, newest first, and the last result of every current case. */
export async function listTestRuns(options: { access: ProjectAccess; limit?: number }) {
  const [rows, cases] = await Promise.all([
    db.testRun.findMany({ where: { projectId: options.access.project.id }, orderBy: { createdAt: "desc" }, take: options.limit ?? 50 }),
    unsafeListProjectTestCases(options.access.project.id),
  ]);
  const runs = rows.map(presentTestRun);
  const lastResults = cases.map((testCase) => {
    const run = runs.find((candidate) =>
      candidate.results.some((result) => result.tool === testCase.tool && result.case === testCase.name),
    );
    const result = run?.results.find((candidate) => candidate.tool === testCase.tool && candidate.case === testCase.name) ?? null;
    return {
      tool: testCase.tool,
      case: testCase.name,
      result,
      run: run ? { id: run.id, createdAt: run.createdAt, actorLabel: run.actorLabel, draftRevision: run.draftRevision } : null,
    };
  });
  return { runs, lastResults };
}
