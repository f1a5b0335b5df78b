// The one Prisma client. Chosen by configuration (PGlite or PostgreSQL) and
// created on first use, so importing this module — and `next build` — opens nothing.
import "server-only";
import { connectDatabase, type DatabaseConnection } from "@/lib/database/adapter";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import {
  credentialGeneration,
  enableCredentialCache,
  invalidateCredentials,
  rawSqlInvalidates,
  writeInvalidates,
} from "@/lib/mcp/credential-cache";

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

const RAW_OPERATIONS = new Set(["$executeRaw", "$executeRawUnsafe", "$queryRaw", "$queryRawUnsafe", "$queryRawTyped"]);

/** The SQL text of a raw operation's arguments (a Sql object, [string, ...values] or a TypedSql), or null. */
function rawSqlText(args: unknown): string | null {
  const first = Array.isArray(args) ? args[0] : args;
  if (typeof first === "string") return first;
  if (first && typeof first === "object") {
    const { strings, sql } = first as { strings?: unknown; sql?: unknown };
    if (Array.isArray(strings)) return strings.join(" ");
    if (typeof sql === "string") return sql;
  }
  return null;
}

function writeMayChangeAuth(model: string | undefined, operation: string, args: unknown): boolean {
  if (model) return writeInvalidates(model, operation, args);
  if (RAW_OPERATIONS.has(operation)) return rawSqlInvalidates(rawSqlText(args));
  return false;
}

function createClient() {
  const config = env();
  const connection = connectDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  holder.connection = connection;
  // One process owns an embedded database, so every write to it goes through this client.
  if (connection.kind === "pglite") enableCredentialCache();
  // The credential cache's invalidation (lib/mcp/credential-cache.ts explains why no write is
  // missed): every write that may change an auth decision bumps the generation when issued and
  // again when done; a transaction bumps once more after it settles (commit or rollback), when
  // anything inside it bumped.
  const client = new PrismaClient({ adapter: connection.factory, omit }).$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (!writeMayChangeAuth(model, operation, args)) return query(args);
        invalidateCredentials();
        try {
          return await query(args);
        } finally {
          invalidateCredentials();
        }
      },
    },
  });
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const $transaction = async (...args: unknown[]) => {
    const before = credentialGeneration();
    try {
      return await transaction(...args);
    } finally {
      if (credentialGeneration() !== before) invalidateCredentials();
    }
  };
  return new Proxy(client, {
    get: (target, property) => (property === "$transaction" ? $transaction : Reflect.get(target, property, target)),
  });
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
  // The next client may open another database.
  invalidateCredentials();
  await (client as Db | undefined)?.$disconnect();
  await connection?.close();
}
