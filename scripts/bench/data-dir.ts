// Data directories for the benches that start Atelier themselves (bench.ts, bench-profile.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { connectDatabase } from "../../lib/database/adapter";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { PROJECT_RATE_LIMITS } from "../../lib/rate-limit/limits";

const root = path.resolve(import.meta.dirname, "../..");

/** Migrates and seeds a fresh data directory (as `npm start` would), then raises the demo project's limits. */
export async function prepareData(dataDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const prepared = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", path.join(root, "scripts/prepare.ts")],
    {
      cwd: root,
      env,
      encoding: "utf8",
    },
  );
  const token = /Bearer (atl_draft_\S+)/.exec(prepared.stdout)?.[1];
  if (prepared.status !== 0 || !token) throw new Error(`Preparing the data directory failed:\n${prepared.stdout}\n${prepared.stderr}`);
  await withDatabase(dataDir, (db) =>
    db.project.updateMany({
      where: { slug: "demo", organization: { slug: "acme" } },
      data: {
        dataToolCallsPerMinute: PROJECT_RATE_LIMITS.dataToolCallsPerMinute.max,
        credentialCallsPerMinute: PROJECT_RATE_LIMITS.credentialCallsPerMinute.max,
      },
    }),
  );
  return token;
}

export async function withDatabase<T>(dataDir: string, run: (db: PrismaClient) => Promise<T>): Promise<T> {
  const connection = connectDatabase({ dataDir });
  const db = new PrismaClient({ adapter: connection.factory });
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
    await connection.close();
  }
}
