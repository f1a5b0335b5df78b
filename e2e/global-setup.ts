// Warms the server once, before any spec: a cold production server opens the embedded database,
// loads route modules and hashes its first password on its first requests (seconds on a small
// machine), which would otherwise land on whichever spec happens to run first and trip its timeouts.
// Runs after Playwright's webServer is up.
import { request, type FullConfig } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts must set use.baseURL");
  const context = await request.newContext({ baseURL });
  try {
    for (const path of ["/sign-in", "/sign-up", "/.well-known/oauth-authorization-server"]) {
      const response = await context.get(path, { timeout: 120_000 });
      if (!response.ok()) throw new Error(`Warm-up: GET ${path} answered ${response.status()}`);
    }
    const { csrfToken } = (await (await context.get("/api/auth/csrf", { timeout: 120_000 })).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "demo@atelier.local", password: E2E_DEMO_PASSWORD, json: "true" },
      timeout: 120_000,
    });
    for (const path of ["/orgs/acme", "/orgs/acme/projects/demo", "/app/v1/organizations"]) {
      const response = await context.get(path, { timeout: 120_000 });
      if (!response.ok()) throw new Error(`Warm-up: GET ${path} answered ${response.status()} (is the demo user signed in?)`);
    }
    // The MCP route: an unauthenticated call answers 401 once its module and the database are loaded.
    const mcp = await context.post("/mcp/acme/demo/draft", {
      data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
      headers: { accept: "application/json, text/event-stream" },
      timeout: 120_000,
    });
    if (mcp.status() !== 401) throw new Error(`Warm-up: the draft endpoint answered ${mcp.status()} without a token`);
  } finally {
    await context.dispose();
  }
}
