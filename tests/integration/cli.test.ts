// The atelier CLI binary (cli/atelier.js) run as a child process against the real route handlers
// on a real database, served over HTTP: login and use, pull → edit → push → the draft endpoint
// serves the change, a refused push names the file, publish with and without --yes, --json
// shapes and exit codes.
import { type ExecFileException, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProjectAccess } from "@/lib/access";
import { flushExecutions } from "@/lib/executions/recorder";
import { rotateDraftToken } from "@/lib/projects/draft-token";
import { createComponent } from "@/lib/components/components";
import { createPrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { createTool } from "@/lib/tools/tools";
import { startCliServer } from "./cli-server";
import { apiToken, createOrgWithMembers, type OrgFixture } from "./helpers";
import { connectClient, type TestHttpServer } from "./mcp-helpers";

const BIN = join(process.cwd(), "cli/atelier.js");

let server: TestHttpServer;
let fixture: OrgFixture;
let ownerToken: string;
let editorToken: string;
let draftToken: string;
let ref: string;
let home: string;
let dir: string;

type Run = { code: number; stdout: string; stderr: string; json: () => Record<string, unknown> };

/** Runs the binary; async, so this process keeps serving the requests it makes. */
function atelier(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: home, ...env }, timeout: 60_000, encoding: "utf8" },
      (error: ExecFileException | null, stdout: string, stderr: string) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) });
      },
    );
  });
}

async function callDraft(name: string) {
  const client = await connectClient({ url: `${server.origin}/mcp/${ref}/draft`, token: draftToken, era: "legacy" });
  try {
    return await client.callTool({ name, arguments: { city: "Oslo" } });
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  server = await startCliServer();
  fixture = await createOrgWithMembers();
  ref = `${fixture.organization.slug}/${fixture.project.slug}`;
  const access = await getProjectAccess({
    actor: fixture.users.owner,
    orgSlug: fixture.organization.slug,
    projectSlug: fixture.project.slug,
    permission: "project.tokens",
  });
  await createTool({
    access,
    input: {
      name: "forecast",
      kind: "data",
      description: "Weather forecast",
      inputSchema: { type: "object", properties: { city: { type: "string", description: "City name" } }, required: ["city"] },
      outputSchema: { type: "object", properties: { temp: { type: "number" }, city: { type: "string" } } },
      handler: "async ({ city }) => ({ temp: 10, city })",
    },
  });
  await createComponent({
    access,
    input: { name: "card", html: "<!doctype html><p>card</p>", csp: { connectDomains: ["api.example.com"] }, prefersBorder: false },
  });
  await createTool({ access, input: { name: "show_card", kind: "ui", component: "card", visibility: ["model"] } });
  await createPrompt({
    access,
    input: { name: "plan", arguments: [{ name: "city" }], messages: [{ role: "user", content: { type: "text", text: "Plan {{city}}" } }] },
  });
  await createResource({ access, input: { name: "days", kind: "template", uri: "notes://days/{date}" } });
  draftToken = (await rotateDraftToken({ access, actor: fixture.users.owner })).token;
  ownerToken = await apiToken(fixture.users.owner, "cli owner");
  editorToken = await apiToken(fixture.users.editor, "cli editor");
  home = await mkdtemp(join(tmpdir(), "atelier-cli-home-"));
  dir = await mkdtemp(join(tmpdir(), "atelier-cli-project-"));
});

afterAll(async () => {
  await server?.close();
});

describe("atelier login and use", () => {
  it("stores origin and token with mode 0600 and checks the token", async () => {
    const login = await atelier(["login", "--url", server.origin, "--token", ownerToken, "--json"]);
    expect(login.code).toBe(0);
    expect(login.json()).toMatchObject({ ok: true, origin: server.origin, user: { email: fixture.users.owner.email } });
    const path = join(home, "atelier", "config.json");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({ origin: server.origin, token: ownerToken });

    const used = await atelier(["use", ref, "--json"]);
    expect(used.code).toBe(0);
    expect(used.json()).toMatchObject({ ok: true, project: ref });
  });

  it("refuses a bad token with exit code 3 and an unknown project with 4", async () => {
    const bad = await atelier(["login", "--url", server.origin, "--token", "atl_pat_nope", "--json"]);
    expect(bad.code).toBe(3);
    expect(bad.json()).toMatchObject({ ok: false, exitCode: 3 });
    const missing = await atelier(["use", `${fixture.organization.slug}/no-such-project`]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("not found");
  });

  it("answers usage errors with exit code 2", async () => {
    expect((await atelier(["frobnicate"])).code).toBe(2);
    expect((await atelier(["use", "not-a-ref"])).code).toBe(2);
    expect((await atelier(["publish", "--json"])).code).toBe(2);
  });
});

describe("atelier pull, push", () => {
  it("pulls a stable layout without secret values", async () => {
    const pulled = await atelier(["pull", dir, "--json"]);
    expect(pulled.code).toBe(0);
    expect(pulled.json()).toMatchObject({
      ok: true,
      project: ref,
      files: [
        "components/card.html",
        "components/card.json",
        "instructions.md",
        "prompts/plan.json",
        "resources/days.js",
        "resources/days.json",
        "tools/forecast/handler.js",
        "tools/forecast/tool.json",
        "tools/show_card/tool.json",
      ],
      counts: { tools: 2, components: 1, prompts: 1, resources: 1 },
    });
    expect(await readFile(join(dir, "tools/forecast/handler.js"), "utf8")).toBe("async ({ city }) => ({ temp: 10, city })");
    const definition = JSON.parse(await readFile(join(dir, "tools/forecast/tool.json"), "utf8"));
    expect(definition).toMatchObject({ kind: "data", description: "Weather forecast", secretNames: [] });
    expect(JSON.parse(await readFile(join(dir, "atelier.json"), "utf8"))).toMatchObject({ format: "atelier.project/v1", project: ref });
    expect(JSON.parse(await readFile(join(dir, "components/card.json"), "utf8"))).toMatchObject({
      csp: { connectDomains: ["api.example.com"] },
      prefersBorder: false,
    });
    // What was pulled pushes back as no change at all, for every kind of item.
    const again = await atelier(["push", dir, "--json"]);
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ applied: false, files: [] });
  });

  it("pushes an edited handler after confirmation, and the draft endpoint serves it", async () => {
    await writeFile(join(dir, "tools/forecast/handler.js"), "async ({ city }) => ({ temp: 25, city })");
    const unconfirmed = await atelier(["push", dir]);
    expect(unconfirmed.code).toBe(6);
    expect(unconfirmed.stdout).toContain("~ tool forecast");
    expect(unconfirmed.stdout).toContain("+async ({ city }) => ({ temp: 25, city })");
    expect(unconfirmed.stderr).toContain("--yes");
    expect((await callDraft("forecast")).structuredContent).toEqual({ temp: 10, city: "Oslo" });

    const dry = await atelier(["push", dir, "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({
      applied: false,
      dryRun: true,
      changes: { tools: { update: ["forecast"] } },
      files: [{ path: "tools/forecast/handler.js", status: "modified" }],
    });

    const pushed = await atelier(["push", dir, "--yes", "--json"]);
    expect(pushed.code).toBe(0);
    expect(pushed.json()).toMatchObject({ ok: true, applied: true, changes: { tools: { update: ["forecast"] } } });
    expect((await callDraft("forecast")).structuredContent).toEqual({ temp: 25, city: "Oslo" });
  });

  it("refuses an invalid schema naming the file and line, and changes nothing", async () => {
    const path = join(dir, "tools/forecast/tool.json");
    const valid = await readFile(path, "utf8");
    const definition = JSON.parse(valid);
    await writeFile(
      path,
      `${JSON.stringify({ ...definition, inputSchema: { type: "object", properties: { city: { type: 42 } } } }, null, 2)}\n`,
    );
    const refused = await atelier(["push", dir, "--yes"]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/tools\/forecast\/tool\.json:\d+: inputSchema/);
    const asJson = await atelier(["push", dir, "--yes", "--json"]);
    expect(asJson.code).toBe(5);
    expect(asJson.json()).toMatchObject({ ok: false, exitCode: 5, error: { files: [{ file: "tools/forecast/tool.json" }] } });
    expect((await callDraft("forecast")).structuredContent).toEqual({ temp: 25, city: "Oslo" });
    await writeFile(path, valid);
  });

  it("refuses a handler that does not compile naming the file and its line", async () => {
    await writeFile(join(dir, "tools/forecast/handler.js"), "async ({ city }) => {\n  return { temp: ;\n}");
    const refused = await atelier(["push", dir, "--yes"]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain("tools/forecast/handler.js:2:");
    await writeFile(join(dir, "tools/forecast/handler.js"), "async ({ city }) => ({ temp: 25, city })");
  });
});

describe("atelier publish, status, rollback, doctor, logs", () => {
  it("publishes without breaking changes, then needs --yes for a breaking one", async () => {
    const first = await atelier(["publish", "--changelog", "First", "--json"]);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ ok: true, version: "1.0.0", previousVersion: null, breakingChanges: [] });

    const nothing = await atelier(["publish", "--changelog", "Again"]);
    expect(nothing.code).toBe(7);

    // Remove the output property "temp": hosts relying on it break.
    const path = join(dir, "tools/forecast/tool.json");
    const definition = JSON.parse(await readFile(path, "utf8"));
    definition.outputSchema = { type: "object", properties: { city: { type: "string" } } };
    await writeFile(path, `${JSON.stringify(definition, null, 2)}\n`);
    expect((await atelier(["push", dir, "--yes"])).code).toBe(0);

    const refused = await atelier(["publish", "--changelog", "Drop temp", "--json"]);
    expect(refused.code).toBe(6);
    const body = refused.json() as { error: { breakingChanges: Array<{ tool: string }> } };
    expect(body.error.breakingChanges[0]).toMatchObject({ tool: "forecast" });
    const human = await atelier(["publish", "--changelog", "Drop temp"]);
    expect(human.code).toBe(6);
    expect(human.stdout).toContain("breaking: forecast");

    const published = await atelier(["publish", "--changelog", "Drop temp", "--yes", "--json"]);
    expect(published.code).toBe(0);
    expect(published.json()).toMatchObject({ ok: true, version: "2.0.0", previousVersion: "1.0.0" });
  });

  it("refuses publish to an Editor with exit code 4", async () => {
    const path = join(dir, "tools/forecast/tool.json");
    const definition = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, `${JSON.stringify({ ...definition, description: "Edited by an Editor" }, null, 2)}\n`);
    const asEditor = { ATELIER_URL: server.origin, ATELIER_TOKEN: editorToken, ATELIER_PROJECT: ref };
    expect((await atelier(["push", dir, "--yes"], asEditor)).code).toBe(0);
    const denied = await atelier(["publish", "--changelog", "x", "--json"], asEditor);
    expect(denied.code).toBe(4);
    expect(denied.json()).toMatchObject({ ok: false, exitCode: 4, error: { status: 403 } });
  });

  it("reports status as JSON", async () => {
    const result = await atelier(["status", "--json"]);
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({
      ok: true,
      user: { email: fixture.users.owner.email },
      project: { ref },
      production: { version: "2.0.0", lastPublish: { version: "2.0.0", changelog: "Drop temp" } },
      draft: { unpublishedChanges: true, changes: { tools: 1, components: 0 }, breakingChanges: 0 },
    });
    expect((result.json().draft as { digest: string }).digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("rolls back only with --yes", async () => {
    expect((await atelier(["rollback", "1.0.0"])).code).toBe(6);
    const rolled = await atelier(["rollback", "1.0.0", "--yes", "--json"]);
    expect(rolled.code).toBe(0);
    expect(rolled.json()).toMatchObject({ ok: true, version: "1.0.0" });
  });

  it("gives doctor advice without changing anything", async () => {
    const path = join(dir, "tools/forecast/handler.js");
    await writeFile(path, "async ({ city }, env) => ({ city, key: env.secrets.WEATHER_KEY })");
    expect((await atelier(["push", dir, "--yes"])).code).toBe(0);
    const result = await atelier(["doctor", "--json"]);
    expect(result.code).toBe(0);
    const findings = (result.json() as { findings: Array<{ severity: string; item: string; message: string }> }).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ severity: "error", item: "tools/forecast", message: expect.stringContaining("env.secrets.WEATHER_KEY") }),
    );
  });

  it("lists executions as JSON lines, filterable", async () => {
    await flushExecutions();
    const all = await atelier(["logs", "--json", "--tool", "forecast"]);
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.toolName === "forecast" && line.environment === "draft")).toBe(true);
    const none = await atelier(["logs", "--json", "--tool", "no_such_tool"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("");
    expect((await atelier(["logs", "--environment", "moon"])).code).toBe(5);
  });

  it("follows new executions with --follow until interrupted", async () => {
    await flushExecutions();
    const known = new Set(
      (await atelier(["logs", "--json", "--limit", "100"])).stdout
        .trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { id: string }).id),
    );
    const child = spawn(process.execPath, [BIN, "logs", "--follow", "--json", "--interval", "1"], {
      env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", XDG_CONFIG_HOME: home },
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    let buffer = "";
    const arrived = new Promise<{ id: string; toolName: string }>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          const execution = JSON.parse(line) as { id: string; toolName: string };
          if (!known.has(execution.id)) resolve(execution);
        }
      });
    });
    await callDraft("forecast");
    await flushExecutions();
    expect(await arrived).toMatchObject({ toolName: "forecast" });
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("runs as `npx atelier` from the checkout", async () => {
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile("npx", ["--offline", "atelier", "help"], { cwd: process.cwd(), timeout: 60_000 }, (error, stdout) =>
        resolve({ code: error ? 1 : 0, stdout }),
      );
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Exit codes:");
  });
});
