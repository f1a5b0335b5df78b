// `atelier test`: the CLI binary as a child process runs the project's saved test cases on the draft
// (through the admin API, on the server's MCP client) and its exit code is the result.
import { type ExecFileException, execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/app/v1/organizations/[org]/projects/[project]/export/route";
import * as importRoute from "@/app/app/v1/organizations/[org]/projects/[project]/import/route";
import * as testRunsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/test-runs/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import type { ProjectAccess } from "@/lib/access";
import { createPrompt } from "@/lib/prompts/prompts";
import { createTestCase, unsafeListProjectTestCases } from "@/lib/test-cases/test-cases";
import { updateTool } from "@/lib/tools/tools";
import { apiToken, createOrgWithToolCase, type OrgFixture } from "./helpers";
import { startRouteServer, type TestHttpServer } from "./mcp-helpers";

const BIN = join(process.cwd(), "cli/atelier.js");
let server: TestHttpServer;
let fixture: OrgFixture;
let access: ProjectAccess;
let token: string;

function atelier(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH ?? "",
          XDG_CONFIG_HOME: "/nonexistent",
          ATELIER_URL: server.origin,
          ATELIER_TOKEN: token,
          ATELIER_PROJECT: `${fixture.organization.slug}/${fixture.project.slug}`,
        },
        timeout: 60_000,
        encoding: "utf8",
      },
      (error: ExecFileException | null, stdout: string, _stderr: string) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

beforeAll(async () => {
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/test-runs$/, module: testRunsRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/export$/, module: exportRoute },
    { pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/projects\/(?<project>[^/]+)\/import$/, module: importRoute },
  ]);
  ({ fixture, access } = await createOrgWithToolCase(
    {
      name: "double",
      kind: "data",
      inputSchema: { type: "object", properties: { n: { type: "number" } } },
      handler: "async ({ n }) => ({ result: n * 2 })",
    },
    { name: "two", input: { n: 2 }, expectations: [{ kind: "structuredEquals", value: { result: 4 } }] },
  ));
  token = await apiToken(fixture.users.editor, "ci");
});

afterAll(async () => {
  await server?.close();
});

describe("atelier test", () => {
  it("exits 0 when every case passes, 8 with the readable failure when one fails", async () => {
    const passing = await atelier(["test"]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain("PASS double · two");
    expect(passing.stdout).toContain("1 passed, 0 failed");

    await updateTool({ access, name: "double", input: { handler: "async ({ n }) => ({ result: String(n * 2) })" } });
    const failing = await atelier(["test", "--tool", "double", "--json"]);
    expect(failing.code).toBe(8);
    const body = JSON.parse(failing.stdout) as { ok: boolean; failed: number; results: Array<{ expectations: Array<{ diff?: string }> }> };
    expect(body).toMatchObject({ ok: false, failed: 1 });
    expect(body.results[0].expectations[0].diff).toContain('/result: expected a number (4), got a string ("4")');
    expect((await atelier(["test", "--case", "two"])).code).toBe(2);
  });
});

describe("prompt cases and test case files", () => {
  it("runs one prompt's cases with --prompt", async () => {
    await createPrompt({
      access,
      input: { name: "greet", arguments: [{ name: "who" }], messages: [{ role: "user", content: { type: "text", text: "Hi {{who}}" } }] },
    });
    await createTestCase({
      access,
      target: { kind: "prompt", name: "greet" },
      input: { name: "ada", input: { who: "Ada" }, expectations: [{ kind: "textContains", value: "Hi Ada" }] },
    });
    const run = await atelier(["test", "--prompt", "greet"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("PASS prompt greet · ada");
    expect((await atelier(["test", "--tool", "double", "--prompt", "greet"])).code).toBe(2);
  });

  it("pulls cases as tests/ files and pushes an edited one back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "atelier-cases-"));
    expect((await atelier(["pull", dir])).code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, "tests/tools/double/two.json"), "utf8"))).toEqual({
      input: { n: 2 },
      expectations: [{ kind: "structuredEquals", value: { result: 4 } }],
    });
    const path = join(dir, "tests/prompts/greet/ada.json");
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ input: { who: "Ada" } });
    await writeFile(path, JSON.stringify({ input: { who: "Grace" }, expectations: [{ kind: "textContains", value: "Hi Grace" }] }));
    const pushed = await atelier(["push", dir, "--yes"]);
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain("~ test case prompts/greet/ada");
    const cases = await unsafeListProjectTestCases(access.project.id);
    expect(cases.find((item) => item.prompt === "greet")).toMatchObject({ name: "ada", input: { who: "Grace" } });
  });
});
