// One database per integration run: a fresh PGlite directory (default) or a throwaway
// PostgreSQL database (ATELIER_TEST_DB=postgres), migrated here and removed afterwards.
// Workers inherit process.env, so lib/env.ts in the tests sees what is set below.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { connectDatabase } from "@/lib/database/adapter";
import { applyMigrations } from "@/lib/database/migrations";

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

// Fixed test secrets, so lib/env.ts never generates .data/secrets.json.
const TEST_SECRETS = {
  NEXTAUTH_SECRET: "atelier-integration-tests-secret-0123456789",
  ATELIER_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

async function migrate(target: { databaseUrl?: string; dataDir: string }) {
  const connection = connectDatabase(target);
  try {
    await applyMigrations(connection.factory);
  } finally {
    await connection.close();
  }
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function setUpPostgres(dataDir: string) {
  const name = `atelier_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${name}`;
  process.env.DATABASE_URL = databaseUrl;
  await migrate({ databaseUrl, dataDir });
  console.log(`[integration] PostgreSQL database ${name}`);
  return async () => {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
}

async function setUpPglite(dataDir: string) {
  delete process.env.DATABASE_URL;
  await migrate({ dataDir });
  console.log(`[integration] PGlite in ${dataDir}`);
  return async () => {};
}

export default async function setup() {
  const kind = process.env.ATELIER_TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres") throw new Error(`ATELIER_TEST_DB must be pglite or postgres, not "${kind}"`);
  const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-test-"));
  // Test servers that stand for outside APIs listen on 127.0.0.2, the one private address handlers
  // may reach in these runs; 127.0.0.1 (this server, the database) stays refused like in production.
  Object.assign(process.env, TEST_SECRETS, {
    ATELIER_DATA_DIR: dataDir,
    ATELIER_SANDBOX_ALLOW_PRIVATE_NETWORKS: "127.0.0.2/32",
    // The public name a trusted proxy forwards in the origin tests (lib/public-origin.ts).
    ATELIER_ALLOWED_HOSTS: "atelier.example.com",
  });
  const dropDatabase = kind === "postgres" ? await setUpPostgres(dataDir) : await setUpPglite(dataDir);
  return async () => {
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
  };
}
