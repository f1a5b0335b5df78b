// E2E against a production build on the embedded default (PGlite), in Debian's Chromium.
// The server gets a fresh data directory per run; demo data is seeded as on a first start.
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
// Set once in the main process so every worker sees the same directory.
process.env.ATELIER_E2E_DATA_DIR ??= path.join(os.tmpdir(), `atelier-e2e-${Date.now()}`);
export const E2E_DEMO_PASSWORD = "demo-password-e2e";
// A second studio for the specs that need email (e2e/invitation-email.spec.ts): SMTP_URL needs
// ATELIER_URL (links in emails never come from a request's Host), which the main server must not
// have (oauth.spec.ts serves 127.0.0.1 and localhost alike). Its SMTP_URL points at a fixed local
// port where nothing listens unless a spec starts its sink there; the mailer connects per message.
const mailPort = Number(process.env.E2E_MAIL_PORT ?? port + 1);
export const E2E_MAIL_ORIGIN = `http://localhost:${mailPort}`;
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? port + 5);

const serverEnv = {
  ATELIER_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
  DATABASE_URL: "",
  // The whole suite signs in and signs up from one address, mostly as the one demo account:
  // far more than a person would in 15 minutes (lib/rate-limit/sign-in-limits.ts).
  ATELIER_SIGN_IN_ATTEMPTS_PER_ACCOUNT: "10000",
  ATELIER_SIGN_IN_ATTEMPTS_PER_ADDRESS: "10000",
  ATELIER_SIGN_UPS_PER_ADDRESS: "10000",
  REDIS_URL: "",
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // A spec that signs several people up and clicks through many pages takes close to a minute on the
  // 2-core CI machine with both workers busy: 120 s leaves room without hiding a hang.
  timeout: 120_000,
  // 15 s, not 10: on the 2-core CI machine two Chromium workers and the server share the cores, and a
  // cold page (its first sign-in, its first MCP connection) has been seen taking just over 10 s.
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Started one after the other: the second serves the build the first made.
  webServer: [
    {
      command: "node scripts/start.mjs",
      url: `http://localhost:${port}/sign-in`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...serverEnv, PORT: String(port), ATELIER_DATA_DIR: process.env.ATELIER_E2E_DATA_DIR },
    },
    {
      // npm start without its build step: it serves the build the first server made (a rebuild here,
      // for a file changed meanwhile, would replace .next under the first server).
      command: "node node_modules/.bin/tsx --conditions=react-server scripts/prepare.ts && node scripts/server.mjs",
      url: `${E2E_MAIL_ORIGIN}/sign-in`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        ...serverEnv,
        // What scripts/start.mjs sets for the server it starts.
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_URL: E2E_MAIL_ORIGIN,
        NEXT_MANUAL_SIG_HANDLE: "1",
        PORT: String(mailPort),
        ATELIER_DATA_DIR: `${process.env.ATELIER_E2E_DATA_DIR}-mail`,
        ATELIER_URL: E2E_MAIL_ORIGIN,
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      },
    },
  ],
});
