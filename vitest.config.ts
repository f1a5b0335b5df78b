import path from "node:path";
import { defineConfig } from "vitest/config";

// Three projects:
// - unit: pure logic beside the code (`lib/**/*.test.ts`, `components/**/*.test.ts`), run in parallel.
// - process: tests that spawn processes or create databases (scripts, migrations); run once.
// - integration: real route handlers and domain functions against a real database
//   (`tests/integration/**`). They share one database per run, so they run in a
//   single worker without isolation; globalSetup creates and drops that database.
//   `ATELIER_TEST_DB=pglite|postgres` picks the database (scripts/test.mjs runs both).
// Tests that start processes or create databases: kept out of the unit project so it stays fast.
const PROCESS_TESTS = ["scripts/**/*.test.ts", "lib/database/migrations.test.ts"];

// lib/ modules import "server-only" (a build-time guard for Next); tests run them on the server side.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          exclude: [...PROCESS_TESTS],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "process",
          include: [...PROCESS_TESTS],
          environment: "node",
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          fileParallelism: false,
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
