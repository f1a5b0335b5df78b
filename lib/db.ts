// The one Prisma client. Chosen by configuration (PGlite or PostgreSQL) and
// created on first use, so importing this module — and `next build` — opens nothing.
import "server-only";
import { connectDatabase, type DatabaseConnection } from "@/lib/database/adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

type Holder = { client?: unknown; connection?: DatabaseConnection };
const holder: Holder = ((globalThis as { __atelierDb?: Holder }).__atelierDb ??= {});

// Columns that hold secrets never leave lib/ by accident: callers opt in with `omit: { … : false }`.
const omit = {
  user: { passwordHash: true },
  apiToken: { tokenHash: true },
  invitation: { tokenHash: true, linkCiphertext: true },
  project: { draftTokenHash: true },
  toolSecret: { ciphertext: true, draftCiphertext: true },
  signingKey: { privateKeyCiphertext: true },
  productionToken: { tokenHash: true },
  oAuthClient: { clientSecretHash: true, registrationTokenHash: true },
  oAuthAuthorizationCode: { codeHash: true },
  oAuthAccessToken: { tokenHash: true },
  oAuthRefreshToken: { tokenHash: true },
  testPanelToken: { tokenHash: true },
} as const;

function createClient() {
  const config = env();
  const connection = connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  holder.connection = connection;
  return new PrismaClient({ adapter: connection.factory, omit });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function getDb(): Db {
  holder.client ??= createClient();
  return holder.client as Db;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function closeDb() {
  const { client, connection } = holder;
  holder.client = undefined;
  holder.connection = undefined;
  await (client as Db | undefined)?.$disconnect();
  await connection?.close();
}
