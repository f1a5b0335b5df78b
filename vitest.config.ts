import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects:
// - unit: pure logic beside the code (`lib/**/*.test.ts`, `components/**/*.test.ts`), run in parallel.
// - integration: real route handlers and domain functions against a real database
//   (`tests/integration/**`). They share one database per run, so they run in a
//   single worker without isolation; globalSetup creates and drops that database.
//   `ATELIER_TEST_DB=pglite|postgres` picks the database (scripts/test.mjs runs both).
const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
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
