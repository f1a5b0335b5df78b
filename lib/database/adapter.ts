// Picks the database: PostgreSQL when a URL is given, otherwise embedded PGlite
// under the data directory. Creating the factory opens nothing; the first query does.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget = { databaseUrl?: string; dataDir: string };

export type DatabaseConnection = {
  kind: "pglite" | "postgres";
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

export function pgliteDirectory(dataDir: string) {
  return path.join(dataDir, "pglite");
}

export function connectDatabase(target: DatabaseTarget): DatabaseConnection {
  if (target.databaseUrl) {
    return {
      kind: "postgres",
      factory: new PrismaPg({ connectionString: target.databaseUrl, max: 10 }),
      close: async () => {},
    };
  }
  mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(pgliteDirectory(target.dataDir));
  return {
    kind: "pglite",
    factory: new PrismaPGlite(pglite),
    close: () => pglite.close(),
  };
}
