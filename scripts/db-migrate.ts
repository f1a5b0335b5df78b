// npm run db:migrate — applies pending migrations to the configured database
// (PGlite under .data/ by default, or DATABASE_URL).
import { connectDatabase } from "../lib/database/adapter";
import { applyMigrations } from "../lib/database/migrations";
import { env } from "../lib/env";

const config = env();
const connection = connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
try {
  const applied = await applyMigrations(connection.factory);
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await connection.close();
}
