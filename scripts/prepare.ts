// First half of `npm start`: validate configuration, apply migrations, seed demo
// data on first run. Runs in its own process and closes the database before the
// server opens it (one process owns an embedded PGlite directory).
import { connectDatabase } from "../lib/database/adapter";
import { applyMigrations } from "../lib/database/migrations";
import { parseEnv } from "../lib/env";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemoData } from "../lib/seed/seed-demo-data";

let config: ReturnType<typeof parseEnv>;
try {
  config = parseEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const connection = connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  console.log(`Database: ${connection.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`);
  const applied = await applyMigrations(connection.factory);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = new PrismaClient({ adapter: connection.factory });
  const result = await seedDemoData({ db, password: config.ATELIER_DEMO_PASSWORD });
  if (result.seeded) {
    console.log(`\nDemo data created: organization "acme", project "demo".`);
    console.log(
      `Sign in as ${result.email}${result.passwordGenerated ? ` with password: ${result.password}` : " with ATELIER_DEMO_PASSWORD"}`,
    );
    console.log(`Draft MCP endpoint: {origin}/mcp/acme/demo/draft with Authorization: Bearer ${result.draftToken}`);
    console.log("(Shown only once. Rotate the draft token on the project's Server tab at any time.)\n");
  }
  await db.$disconnect();
} catch (error) {
  console.error("Could not prepare the database:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await connection.close();
}
