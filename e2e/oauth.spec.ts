// The whole OAuth host journey, as Claude or ChatGPT would make it, with a scripted MCP host (the
// SDK v2 client's OAuth support, e2e/oauth-client.ts) against the running app and a person in
// Chromium: 401 → both metadata documents → registration → sign in and consent → code exchange
// (PKCE) → tools → refresh → the grant revoked on Authorized apps → 401 on the next call.
import { UnauthorizedError } from "@modelcontextprotocol/client";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, unique, STUDIO_ORIGIN } from "./fixtures";
import { InMemoryOAuthProvider, oauthClient, rawMcpRequest, refreshTokens, startLoopbackRedirect } from "./oauth-client";

const ORG = "acme";
const DEMO_EMAIL = "demo@atelier.local";

type ToolResult = { isError?: boolean; structuredContent?: Record<string, unknown> };

// A cold production server opens the embedded database and loads route modules on its first
// requests (seconds on a small machine): do that once, before any step with a timeout.
test.beforeAll(async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: DEMO_EMAIL, password: E2E_DEMO_PASSWORD, json: "true" },
  });
  expect((await request.get(`/orgs/${ORG}/settings/authorized-apps`)).ok()).toBe(true);
  expect((await request.get("/.well-known/oauth-authorization-server")).ok()).toBe(true);
});

/** Starts the SDK's OAuth flow on `endpoint`: discovery, registration, then the authorization URL a host would open. */
async function startAuthorization(endpoint: string, clientName: string, redirectUri: string) {
  const provider = new InMemoryOAuthProvider({ redirectUri, clientName });
  const { client, transport } = oauthClient(endpoint, provider);
  // The endpoint answers 401; the SDK follows the challenge, registers, and hands over the URL to open.
  await expect(client.connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);
  expect(provider.registration?.client_id).toBeTruthy();
  expect(provider.authorizationUrl).not.toBeNull();
  return { provider, transport, authorizationUrl: provider.authorizationUrl! };
}

/** The consent page: names the client (and its redirect host), organization, project and endpoint; Authorize. */
async function consent(page: Page, expected: { clientName: string; project: string; endpoint: "Draft" | "Production"; url: string }) {
  await expect(page.getByRole("heading", { name: `Authorize ${expected.clientName}` })).toBeVisible();
  // The details list (the warning above it, for an unverified client, names the redirect host too).
  const details = page.getByRole("main").locator("dl");
  await expect(details.getByText(expected.clientName, { exact: true })).toBeVisible();
  await expect(details.getByText(/^127\.0\.0\.1(:\d+)?$/)).toBeVisible();
  await expect(details.getByText("Acme", { exact: true })).toBeVisible();
  await expect(details.getByText(expected.project, { exact: true })).toBeVisible();
  await expect(details.getByText(expected.endpoint, { exact: true })).toBeVisible();
  await expect(details.getByText(expected.url, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Authorize" }).click();
}

test("a host connects with OAuth, calls tools, refreshes, and is cut off when its grant is revoked on Authorized apps", async ({
  page,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const endpoint = `${origin}/mcp/${ORG}/demo/draft`;
  const clientName = unique("E2E Host");

  // 1. No credential: 401 with a challenge naming this endpoint's protected resource metadata.
  const unauthenticated = await rawMcpRequest(endpoint, null);
  expect(unauthenticated.status).toBe(401);
  const metadataUrl = /resource_metadata="([^"]+)"/.exec(unauthenticated.challenge ?? "")?.[1];
  expect(metadataUrl).toBe(`${origin}/.well-known/oauth-protected-resource/mcp/${ORG}/demo/draft`);

  // 2. Both metadata documents, as the host reads them.
  const resourceMetadata = await (await request.get(metadataUrl!)).json();
  expect(resourceMetadata).toMatchObject({ resource: endpoint, authorization_servers: [origin] });
  const serverMetadata = await (await request.get(`${origin}/.well-known/oauth-authorization-server`)).json();
  expect(serverMetadata).toMatchObject({
    issuer: origin,
    code_challenge_methods_supported: ["S256"],
    registration_endpoint: expect.stringContaining(origin),
    token_endpoint: expect.stringContaining(origin),
    authorization_endpoint: expect.stringContaining(origin),
  });

  // 3. The SDK client registers (DCR) with a loopback redirect URI and builds the authorization URL.
  const loopback = await startLoopbackRedirect();
  try {
    const { provider, transport, authorizationUrl } = await startAuthorization(endpoint, clientName, loopback.redirectUri);
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(serverMetadata.authorization_endpoint);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(endpoint);

    // 4. The person opens it: not signed in → sign-in page → back to the consent page → Authorize.
    await page.goto(authorizationUrl.href);
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
    const callback = loopback.nextCallback();
    await page.getByRole("button", { name: "Sign in" }).click();
    await consent(page, { clientName, project: "Demo", endpoint: "Draft", url: endpoint });

    // 5. The browser lands on the loopback redirect with the code, the echoed state and the issuer.
    const params = await callback;
    await expect(page.getByRole("heading", { name: "Authorization finished" })).toBeVisible();
    expect(params.get("code")).toBeTruthy();
    expect(params.get("state")).toBe(provider.expectedState);
    expect(params.get("iss")).toBe(origin);

    // 6. Code → tokens (PKCE verifier), then tools over MCP with the access token.
    await transport.finishAuth(params);
    const issued = provider.tokens()!;
    expect(issued.access_token).toBeTruthy();
    expect(issued.refresh_token).toBeTruthy();
    const host = oauthClient(endpoint, provider);
    await host.client.connect(host.transport);
    try {
      const { tools } = await host.client.listTools();
      expect(tools.map((tool) => tool.name)).toContain("add_numbers");
      const sum = (await host.client.callTool({ name: "add_numbers", arguments: { numbers: [1, 2, 3.5] } })) as ToolResult;
      expect(sum.isError).toBeFalsy();
      expect(sum.structuredContent).toEqual({ sum: 6.5 });

      // 7. Refresh: a new access token and a rotated refresh token, and the tools still answer.
      const { before, after } = await refreshTokens(endpoint, provider);
      expect(after.access_token).not.toBe(before.access_token);
      expect(after.refresh_token).toBeTruthy();
      expect(after.refresh_token).not.toBe(before.refresh_token);
      expect((await rawMcpRequest(endpoint, after.access_token)).status).toBe(200);
      const again = (await host.client.callTool({ name: "add_numbers", arguments: { numbers: [40, 2] } })) as ToolResult;
      expect(again.structuredContent).toEqual({ sum: 42 });

      // 8. The member revokes the grant on Authorized apps.
      await page.goto(`/orgs/${ORG}/settings/authorized-apps`);
      const row = page.getByRole("row").filter({ hasText: clientName });
      await expect(row).toContainText("Demo");
      await expect(row).toContainText("Draft");
      await row.getByRole("button", { name: /^Revoke/ }).click();
      const dialog = page.getByRole("dialog", { name: `Revoke “${clientName}”?` });
      await dialog.getByRole("button", { name: "Revoke access" }).click();
      await expect(dialog).toBeHidden();
      await expect(row).toHaveCount(0);

      // 9. The host's next call is refused: 401 with invalid_token; its refresh token is dead too,
      // so the SDK client drops its tokens and can only send the person to authorize again.
      const refused = await rawMcpRequest(endpoint, after.access_token);
      expect(refused.status).toBe(401);
      expect(refused.challenge).toContain('error="invalid_token"');
      provider.authorizationUrl = null;
      await expect(host.client.callTool({ name: "add_numbers", arguments: { numbers: [1] } })).rejects.toBeInstanceOf(UnauthorizedError);
      expect(provider.tokens()).toBeUndefined();
      expect(provider.authorizationUrl).not.toBeNull();
    } finally {
      await host.client.close();
    }
  } finally {
    await loopback.close();
  }
});

test("a production endpoint is authorized on its own, and its token opens production only", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await signIn(page, DEMO_EMAIL, E2E_DEMO_PASSWORD);

  // Production needs a published package: a fresh project with one tool, published through the API.
  const project = unique("oauth");
  expect(
    (
      await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
        headers: STUDIO_ORIGIN,
        data: { slug: project, name: `OAuth ${project}` },
      })
    ).status(),
  ).toBe(201);
  const tool = await page.request.post(`/app/v1/organizations/${ORG}/projects/${project}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: "echo_text",
      kind: "data",
      description: "Echoes its text.",
      inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
      handler: "async ({ text }) => ({ text })",
    },
  });
  expect(tool.status()).toBe(201);
  expect(
    (
      await page.request.post(`/app/v1/organizations/${ORG}/projects/${project}/publish`, {
        headers: STUDIO_ORIGIN,
        data: { changelog: "First" },
      })
    ).status(),
  ).toBe(201);

  const endpoint = `${origin}/mcp/${ORG}/${project}`;
  const clientName = unique("E2E Production Host");
  const loopback = await startLoopbackRedirect();
  try {
    const { provider, transport, authorizationUrl } = await startAuthorization(endpoint, clientName, loopback.redirectUri);
    const callback = loopback.nextCallback();
    await page.goto(authorizationUrl.href);
    await consent(page, { clientName, project: `OAuth ${project}`, endpoint: "Production", url: endpoint });
    await transport.finishAuth(await callback);

    const host = oauthClient(endpoint, provider);
    await host.client.connect(host.transport);
    try {
      const result = (await host.client.callTool({ name: "echo_text", arguments: { text: "hello" } })) as ToolResult;
      expect(result.structuredContent).toEqual({ text: "hello" });
    } finally {
      await host.client.close();
    }
    // Bound to production: the same token does not open the project's draft.
    const accessToken = provider.tokens()!.access_token;
    expect((await rawMcpRequest(`${endpoint}/draft`, accessToken)).status).toBe(401);

    // Authorized apps lists it as a Production grant.
    await page.goto(`/orgs/${ORG}/settings/authorized-apps`);
    const row = page.getByRole("row").filter({ hasText: clientName });
    await expect(row).toContainText(`OAuth ${project}`);
    await expect(row).toContainText("Production");
  } finally {
    await loopback.close();
  }
});

test("a host given http://127.0.0.1:PORT (not the configured localhost) connects with OAuth; Authorized apps shows its long redirect host in full at 1280 px", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // No ATELIER_URL: the server answers as whichever address it was given.
  const origin = new URL(baseURL!).origin.replace("localhost", "127.0.0.1");
  const endpoint = `${origin}/mcp/${ORG}/demo/draft`;
  const clientName = unique("LAN Host");
  const redirectHost = "connector-callback.customer-success-tools.long-example-company.example";
  const { provider, transport, authorizationUrl } = await startAuthorization(
    endpoint,
    clientName,
    `https://${redirectHost}/oauth/callback`,
  );
  expect(authorizationUrl.origin).toBe(origin);
  expect(authorizationUrl.searchParams.get("resource")).toBe(endpoint);

  // The host's redirect page, caught in the browser.
  const callback = new Promise<URLSearchParams>((resolve) => {
    void page.route(`https://${redirectHost}/**`, async (route) => {
      resolve(new URL(route.request().url()).searchParams);
      await route.fulfill({ status: 200, contentType: "text/html", body: "<h1>Back in the host</h1>" });
    });
  });
  // A signed-out visit to a studio page at this address signs in at this address.
  await page.goto(`${origin}/orgs/${ORG}`);
  await expect(page).toHaveURL(`${origin}/sign-in?callbackUrl=%2Forgs%2F${ORG}`);
  await page.goto(authorizationUrl.href);
  await expect(page).toHaveURL(new RegExp(`^${origin.replace(/\./g, "\\.")}/sign-in`));
  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Authorize ${clientName}` })).toBeVisible();
  await expect(page.getByRole("main").locator("dl").getByText(endpoint, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Authorize" }).click();
  const params = await callback;
  // The redirect is caught when requested; its page must have loaded before this page navigates
  // again, or that navigation is interrupted by it.
  await expect(page.getByRole("heading", { name: "Back in the host" })).toBeVisible();
  expect(params.get("iss")).toBe(origin);
  await transport.finishAuth(params);

  const host = oauthClient(endpoint, provider);
  await host.client.connect(host.transport);
  try {
    expect((await host.client.listTools()).tools.map((tool) => tool.name)).toContain("add_numbers");
  } finally {
    await host.client.close();
  }

  await page.goto(`${origin}/orgs/${ORG}/settings/authorized-apps`);
  const row = page.getByRole("row").filter({ hasText: clientName });
  const hostLine = row.getByText(`redirects to ${redirectHost}`, { exact: true });
  await expect(hostLine).toBeVisible();
  expect(await hostLine.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});
