// The start path: first start migrates and seeds; a second start reuses the data and seeds nothing.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

describe("npm start preparation", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("seeds demo data on the first start only", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "atelier-start-"));
    const env = { ...process.env, ATELIER_DATA_DIR: dataDir, DATABASE_URL: "", ATELIER_DEMO_PASSWORD: "" };
    const prepare = () =>
      run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", path.join(root, "scripts/prepare.ts")], {
        env,
        cwd: root,
      });

    const first = await prepare();
    expect(first.stdout).toContain("Applied migrations");
    expect(first.stdout).toMatch(/Sign in as demo@atelier\.local with password: \S{12,}/);
    expect(first.stdout).toMatch(/Bearer atl_draft_\S+/);

    const second = await prepare();
    expect(second.stdout).not.toContain("Applied migrations");
    expect(second.stdout).not.toContain("Demo data created");

    const pglite = new PGlite(path.join(dataDir, "pglite"));
    const users = await pglite.query<{ email: string }>('SELECT email FROM "User"');
    const projects = await pglite.query<{ slug: string }>(
      'SELECT p.slug FROM "Project" p JOIN "Organization" o ON o.id = p."organizationId" WHERE o.slug = \'acme\'',
    );
    const tools = await pglite.query<{ name: string }>('SELECT name FROM "Tool" ORDER BY name');
    await pglite.close();
    expect(tools.rows.map((row) => row.name)).toEqual(["add_numbers", "convert_temperature", "show_temperature", "show_weather"]);
    expect(users.rows).toEqual([{ email: "demo@atelier.local" }]);
    expect(projects.rows).toEqual([{ slug: "demo" }]);
  }, 120_000);
});
