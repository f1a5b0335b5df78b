// The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in package.json)
// against a project's production endpoint (issue 13 §7). The fixture project is built only through
// the admin API — tools, prompts and resources with the names the suite expects, public, with rate
// limits high enough for a full run from one address — and published. Every stable server
// scenario must pass except those in tests/conformance/expected-failures.yml (one reason each);
// the suite itself fails the run on a scenario that passes while listed there.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import * as promptsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/prompts/route";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as resourcesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/resources/route";
import * as toolsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/route";
import * as projectsRoute from "@/app/app/v1/organizations/[org]/projects/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { asSession, call, createOrgWithMembers, type OrgFixture, uniqueSlug } from "./helpers";
import { startRouteServer, type TestHttpServer } from "./mcp-helpers";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
// A 44-byte WAV header with no samples.
const WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";

const tools = [
  { name: "test_simple_text", handler: `async () => mcp.result({ content: [mcp.text("This is a simple text response for testing.")] })` },
  { name: "test_image_content", handler: `async () => mcp.result({ content: [mcp.image("${PNG}", "image/png")] })` },
  { name: "test_audio_content", handler: `async () => mcp.result({ content: [mcp.audio("${WAV}", "audio/wav")] })` },
  {
    name: "test_embedded_resource",
    handler: `async () => mcp.result({ content: [mcp.resource({ uri: "test://embedded-resource", mimeType: "text/plain", text: "This is an embedded resource content." })] })`,
  },
  {
    name: "test_multiple_content_types",
    handler: `async () => mcp.result({ content: [
      mcp.text("Multiple content types test:"),
      mcp.image("${PNG}", "image/png"),
      mcp.resource({ uri: "test://mixed-content-resource", mimeType: "application/json", text: JSON.stringify({ test: "data", value: 123 }) }),
    ] })`,
  },
  {
    name: "test_tool_with_logging",
    handler: `async () => {
      mcp.log("info", "Tool execution started");
      mcp.log("info", "Tool processing data");
      mcp.log("info", "Tool execution completed");
      return mcp.result({ content: [mcp.text("Logging tool finished")] });
    }`,
  },
  { name: "test_error_handling", handler: `async () => { throw new Error("This tool intentionally returns an error for testing"); }` },
  {
    name: "test_tool_with_progress",
    handler: `async () => {
      mcp.progress(0, 100);
      mcp.progress(50, 100);
      mcp.progress(100, 100);
      return mcp.result({ content: [mcp.text("Progress tool finished")] });
    }`,
  },
  {
    name: "json_schema_2020_12_tool",
    // The 2026-07-28 suite's version (SEP-2106: $anchor, allOf/anyOf, if/then/else), a superset of the stable one's.
    inputSchema: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      $defs: { address: { $anchor: "addressDef", type: "object", properties: { street: { type: "string" }, city: { type: "string" } } } },
      properties: {
        name: { type: "string" },
        address: { $ref: "#/$defs/address" },
        contactMethod: { type: "string", enum: ["phone", "email"] },
        phone: { type: "string" },
        email: { type: "string" },
      },
      allOf: [{ anyOf: [{ required: ["phone"] }, { required: ["email"] }] }],
      if: { properties: { contactMethod: { const: "phone" } }, required: ["contactMethod"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, not a thenable.
      then: { required: ["phone"] },
      else: { required: ["email"] },
      additionalProperties: false,
    },
    handler: "async (props) => props",
  },
  // 2026-07-28 diagnostics: a tool whose arguments are mirrored into Mcp-Param-* headers (SEP-2243),
  // and one that logs (no notifications/message without the request's log level, SEP-2575).
  {
    name: "test_custom_headers",
    inputSchema: {
      type: "object",
      properties: { region: { type: "string", "x-mcp-header": "Region" }, query: { type: "string" } },
    },
    handler: "async (props) => props",
  },
  // SEP-2322 input-required results: handlers asking through mcp.elicit / mcp.sample with the keys the suite expects.
  {
    name: "test_input_required_result_elicitation",
    handler: `async () => {
      const answer = await mcp.elicit(
        { message: "What is your name?", requestedSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } },
        { key: "user_name" },
      );
      return mcp.result({ content: [mcp.text("Hello, " + (answer.content?.name ?? "stranger") + "!")] });
    }`,
  },
  {
    name: "test_input_required_result_sampling",
    handler: `async () => {
      const answer = await mcp.sample(
        { messages: [{ role: "user", content: { type: "text", text: "What is the capital of France?" } }], maxTokens: 100 },
        { key: "capital_question" },
      );
      return mcp.result({ content: [mcp.text("The model said: " + (answer.content?.text ?? ""))] });
    }`,
  },
  {
    name: "test_input_required_result_request_state",
    handler: `async () => {
      await mcp.elicit(
        { message: "Please confirm", requestedSchema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } },
        { key: "confirm" },
      );
      return mcp.result({ content: [mcp.text("Confirmed: state-ok")] });
    }`,
  },
  {
    name: "test_input_required_result_multi_round",
    handler: `async () => {
      const name = await mcp.elicit(
        { message: "Step 1: What is your name?", requestedSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } },
        { key: "step1" },
      );
      const color = await mcp.elicit(
        { message: "Step 2: What is your favorite color?", requestedSchema: { type: "object", properties: { color: { type: "string" } }, required: ["color"] } },
        { key: "step2" },
      );
      return mcp.result({ content: [mcp.text(name.content?.name + " likes " + color.content?.color)] });
    }`,
  },
  {
    name: "test_input_required_result_tampered_state",
    handler: `async () => {
      await mcp.elicit(
        { message: "Please confirm", requestedSchema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } },
        { key: "confirm" },
      );
      return mcp.result({ content: [mcp.text("Confirmed")] });
    }`,
  },
  // SEP-2575 diagnostics: asking happens in the result, never as a request on the stream; and a
  // question the client has no capability for is -32021.
  {
    name: "test_streaming_elicitation",
    handler: `async () => {
      await mcp.elicit({ message: "Continue?", requestedSchema: { type: "object", properties: { ok: { type: "boolean" } } } }, { key: "continue" });
      return mcp.result({ content: [mcp.text("Continued")] });
    }`,
  },
  {
    name: "test_missing_capability",
    handler: `async () => {
      await mcp.sample({ messages: [{ role: "user", content: { type: "text", text: "Hi" } }], maxTokens: 10 }, { key: "needs_sampling" });
      return mcp.result({ content: [mcp.text("Sampled")] });
    }`,
  },
  {
    name: "test_logging_tool",
    handler: `async () => {
      mcp.log("info", "Logging tool running");
      return mcp.result({ content: [mcp.text("Logged")] });
    }`,
  },
];

const prompts = [
  {
    name: "test_simple_prompt",
    description: "A simple prompt without arguments",
    messages: [{ role: "user", content: { type: "text", text: "This is a simple prompt for testing." } }],
  },
  {
    name: "test_prompt_with_arguments",
    description: "A prompt with two required arguments",
    arguments: [
      { name: "arg1", description: "First test argument", required: true, values: ["paris", "park", "party", "testValue1"] },
      { name: "arg2", description: "Second test argument", required: true },
    ],
    messages: [{ role: "user", content: { type: "text", text: "Prompt with arguments: arg1='{{arg1}}', arg2='{{arg2}}'" } }],
  },
  {
    name: "test_prompt_with_embedded_resource",
    description: "A prompt that embeds a resource",
    arguments: [{ name: "resourceUri", description: "URI of the resource to embed", required: true }],
    messages: [
      {
        role: "user",
        content: {
          type: "resource",
          resource: { uri: "{{resourceUri}}", mimeType: "text/plain", text: "Embedded resource content for testing." },
        },
      },
      { role: "user", content: { type: "text", text: "Please process the embedded resource above." } },
    ],
  },
  {
    name: "test_input_required_result_prompt",
    description: "A prompt whose handler asks the user for context (input-required)",
    mode: "handler",
    handler: `async () => {
      const answer = await mcp.elicit(
        { message: "What context should the prompt use?", requestedSchema: { type: "object", properties: { context: { type: "string" } }, required: ["context"] } },
        { key: "user_context" },
      );
      return [{ role: "user", content: { type: "text", text: "Use this context: " + (answer.content?.context ?? "") } }];
    }`,
  },
  {
    name: "test_prompt_with_image",
    description: "A prompt with an image",
    messages: [
      { role: "user", content: { type: "image", data: PNG, mimeType: "image/png" } },
      { role: "user", content: { type: "text", text: "Please analyze the image above." } },
    ],
  },
];

const resources = [
  { name: "static_text", uri: "test://static-text", mimeType: "text/plain", text: "This is the content of the static text resource." },
  { name: "static_binary", uri: "test://static-binary", mimeType: "image/png", blob: PNG },
  {
    name: "template_data",
    kind: "template",
    uri: "test://template/{id}/data",
    mimeType: "application/json",
    handler: "async ({ id }) => ({ text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }) })",
  },
  { name: "watched_resource", uri: "test://watched-resource", mimeType: "text/plain", text: "Watched resource content." },
];

let fixture: OrgFixture;
let server: TestHttpServer;
let url: string;

async function admin<T>(handler: Parameters<typeof call>[0], path: string, params: Record<string, string>, body: unknown, method = "POST") {
  const response = await call<T & { error?: { message: string } }>(handler, {
    method,
    path,
    headers: await asSession(fixture.users.owner),
    params,
    body,
  });
  if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute }]);
  // The suite's DNS-rebinding scenario needs a localhost URL. It runs on the default
  // configuration (no ATELIER_URL): a rebinding page's host name is never taken as our origin
  // (lib/public-origin.ts), so its Origin matches nothing we allow.
  const origin = server.origin.replace("127.0.0.1", "localhost");
  fixture = await createOrgWithMembers();
  const org = fixture.organization.slug;
  const slug = uniqueSlug("conformance");
  const base = `/app/v1/organizations/${org}/projects`;
  await admin(projectsRoute.POST, base, { org }, { slug, name: "Conformance fixtures" });
  const params = { org, project: slug };
  for (const tool of tools) {
    await admin(toolsRoute.POST, `${base}/${slug}/tools`, params, {
      kind: "data",
      description: `Conformance fixture ${tool.name}`,
      ...tool,
    });
  }
  for (const prompt of prompts) await admin(promptsRoute.POST, `${base}/${slug}/prompts`, params, prompt);
  for (const resource of resources) await admin(resourcesRoute.POST, `${base}/${slug}/resources`, params, resource);
  // Public (the suite sends no credentials), and limits that a full run from one address stays under.
  await admin(
    projectRoute.PATCH,
    `${base}/${slug}`,
    params,
    { visibility: "public", rateLimits: { anonymousCallsPerHour: 600, anonymousBurst: 60, dataToolCallsPerMinute: 6000 } },
    "PATCH",
  );
  await admin(publishRoute.POST, `${base}/${slug}/publish`, params, { changelog: "Conformance fixtures" });
  url = `${origin}/mcp/${org}/${slug}`;
});

afterAll(async () => {
  await server?.close();
});

// The stable suite, and the pre-release that knows the 2026-07-28 requirements (npm alias
// conformance-2026-07-28 in package.json).
const STABLE = "node_modules/@modelcontextprotocol/conformance/dist/index.js";
const REQUIREMENTS_2026 = "node_modules/conformance-2026-07-28/dist/index.js";

/** Runs the suite; `output` ends with every failed or warned check (from its checks.json files), so a failure says why. */
async function runSuite(cli: string, args: string[]): Promise<{ code: number | null; output: string }> {
  const results = await mkdtemp(join(tmpdir(), "conformance-"));
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "./tests/conformance/register-node20.mjs", cli, ...args, "-o", results], {
        cwd: process.cwd(),
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      let text = "";
      child.stdout.on("data", (chunk) => (text += chunk));
      child.stderr.on("data", (chunk) => (text += chunk));
      child.on("close", (exit) => resolve({ code: exit, output: text }));
    });
    return { code, output: `${output}\n${await failedChecks(results)}` };
  } finally {
    await rm(results, { recursive: true, force: true });
  }
}

async function failedChecks(directory: string): Promise<string> {
  const lines: string[] = [];
  for (const entry of await readdir(directory, { recursive: true })) {
    if (!entry.endsWith("checks.json")) continue;
    const checks = JSON.parse(await readFile(join(directory, entry), "utf8")) as Array<{
      id: string;
      status: string;
      errorMessage?: string;
    }>;
    for (const check of checks) {
      if (check.status === "FAILURE" || check.status === "WARNING")
        lines.push(`${entry}: ${check.status} ${check.id}: ${check.errorMessage ?? ""}`);
    }
  }
  return lines.join("\n");
}

describe("official conformance suite (stable server scenarios)", () => {
  it("passes every scenario except the listed expected failures", { timeout: 300_000 }, async () => {
    const { code, output } = await runSuite(STABLE, [
      "server",
      "--url",
      url,
      "--suite",
      "all",
      "--expected-failures",
      "tests/conformance/expected-failures.yml",
    ]);
    expect(output, output).toMatch(/Baseline check passed: all failures are expected/);
    expect(code, output).toBe(0);
  });
});

describe("official conformance suite (2026-07-28 requirements)", () => {
  it("passes every required scenario except the listed expected failures", { timeout: 300_000 }, async () => {
    const { code, output } = await runSuite(REQUIREMENTS_2026, [
      "server",
      "--url",
      url,
      "--requirements",
      "2026-07-28",
      "--expected-failures",
      "tests/conformance/expected-failures-2026-07-28.yml",
    ]);
    expect(output, output).toMatch(/Baseline check passed: all failures are expected/);
    expect(code, output).toBe(0);
  });
});
