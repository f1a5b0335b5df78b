// npm run db:migration -- <name>
// Creates a migration from the difference between prisma/migrations and schema.prisma.
// The migrations are replayed on a throwaway in-memory PGlite, so no database is needed.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createMigration } from "../lib/database/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_tools)");
  process.exit(1);
}
const pglite = new PGlite();
const created = await createMigration(new PrismaPGlite(pglite), name);
await pglite.close();
console.log(created ? `Created ${created.directory}\n\n${created.sql}` : "schema.prisma and the migrations agree: nothing to create.");
