// schema.prisma and prisma/migrations must agree: a schema change without
// `npm run db:migration -- <name>` fails here.
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema } from "./migrations";
import { SCHEMA_PATH } from "./schema-engine";

const open: PGlite[] = [];
function freshDatabase() {
  const pglite = new PGlite();
  open.push(pglite);
  return new PrismaPGlite(pglite);
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((pglite) => pglite.close()));
});

describe("migrations", () => {
  it("agree with schema.prisma", async () => {
    expect(await diffMigrationsToSchema(freshDatabase())).toBe("");
  });

  it("report a schema change that has no migration", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-schema-"));
    const changed = path.join(dir, "schema.prisma");
    await copyFile(SCHEMA_PATH, changed);
    await writeFile(changed, `${await readFile(changed, "utf8")}\nmodel Unmigrated {\n  id String @id\n}\n`);
    expect(await diffMigrationsToSchema(freshDatabase(), changed)).toContain('CREATE TABLE "Unmigrated"');
  });

  it("apply to an empty database once, then report nothing pending", async () => {
    const factory = freshDatabase();
    const first = await applyMigrations(factory);
    expect(first.length).toBeGreaterThan(0);
    expect(await applyMigrations(factory)).toEqual([]);
  });
});
