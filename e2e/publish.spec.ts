// Publishing a project the way a maintainer does: review the diff, publish signed versions, see a
// breaking change coming, roll back — and check that the production MCP endpoint really serves
// the version History marks as Production. Works in its own fresh project of the demo organization.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, unique, STUDIO_ORIGIN } from "./fixtures";

const ORG = "acme";
const TOOL = "convert_price";

const inputSchema = (property: string) =>
  JSON.stringify(
    { type: "object", properties: { [property]: { type: "number" } }, required: [property], additionalProperties: false },
    null,
    2,
  );

// A cold production server opens the embedded database and loads route modules on its first
// requests (seconds on a small machine): do that once, before any step with a timeout.
test.beforeAll(async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "demo@atelier.local", password: E2E_DEMO_PASSWORD, json: "true" },
  });
  expect((await request.get(`/orgs/${ORG}`)).ok()).toBe(true);
});

async function createProjectWithTool(page: Page): Promise<string> {
  const project = unique("publish");
  const created = await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
    headers: STUDIO_ORIGIN,
    data: { slug: project, name: `Publish ${project}` },
  });
  expect(created.status()).toBe(201);
  const tool = await page.request.post(`/app/v1/organizations/${ORG}/projects/${project}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: TOOL,
      kind: "data",
      description: "Converts a price to cents.",
      inputSchema: JSON.parse(inputSchema("amount")),
      handler: "async ({ amount }) => ({ cents: Math.round(amount * 100) })",
    },
  });
  expect(tool.status()).toBe(201);
  return project;
}

/** Replaces everything in a CodeMirror editor. */
async function replaceEditorText(page: Page, editorName: string, text: string) {
  await page.getByRole("textbox", { name: editorName }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

async function publish(page: Page, expected: { version: string; changelog: string }) {
  const dialog = page.getByRole("dialog", { name: "Publish to production" });
  await expect(dialog.getByLabel("Version")).toHaveValue(expected.version);
  await dialog.getByLabel("Changelog").fill(expected.changelog);
  await dialog.getByRole("button", { name: "Publish version" }).click();
  await expect(dialog.getByText(`Published v${expected.version}`)).toBeVisible();
  await expect(dialog.getByText(`Production now serves v${expected.version}`)).toBeVisible();
  await expect(dialog.getByText(/sha256:[0-9a-f]{64}/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(projectHeader(page).getByText(`Production v${expected.version}`)).toBeVisible();
}

/** The project's header (name, visibility and production badges); the overview repeats some of it. */
const projectHeader = (page: Page) => page.getByRole("heading", { level: 1 }).locator("..");

/** The body of a JSON-RPC answer, whether the endpoint sent plain JSON or one SSE event. */
function jsonRpcResult(text: string): Record<string, unknown> {
  const trimmed = text.trim();
  const json = trimmed.startsWith("{")
    ? trimmed
    : (trimmed.split("\n").find((line) => line.startsWith("data: ")) ?? "").slice("data: ".length);
  const message = JSON.parse(json) as { result?: Record<string, unknown>; error?: unknown };
  expect(message.error).toBeUndefined();
  return message.result!;
}

/** A raw 2025-era client: initialize, then tools/list, with a production token. */
async function listProductionTools(request: APIRequestContext, project: string, token: string) {
  const headers = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": "2025-11-25",
    authorization: `Bearer ${token}`,
  };
  const url = `/mcp/${ORG}/${project}`;
  const initialize = await request.post(url, {
    headers,
    data: {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "e2e", version: "1" } },
    },
  });
  expect(initialize.status()).toBe(200);
  expect(jsonRpcResult(await initialize.text())).toHaveProperty("serverInfo");
  const list = await request.post(url, { headers, data: { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} } });
  expect(list.status()).toBe(200);
  return jsonRpcResult(await list.text()).tools as Array<{ name: string; inputSchema: { properties: Record<string, unknown> } }>;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("publish 1.0.0, publish a breaking 2.0.0 after reviewing its diff, roll back, and production serves 1.0.0 again", async ({ page }) => {
  const project = await createProjectWithTool(page);
  const base = `/orgs/${ORG}/projects/${project}`;
  const publishButton = page.getByRole("button", { name: "Publish", exact: true });

  // First publish: everything is added, and the version is 1.0.0.
  await page.goto(base);
  // The project header says so (the overview's figures do too).
  await expect(projectHeader(page).getByText("Not published")).toBeVisible();
  await publishButton.click();
  const dialog = page.getByRole("dialog", { name: "Publish to production" });
  const changes = dialog.getByRole("region", { name: "Changes" });
  await expect(changes.getByText("Added 1")).toBeVisible();
  await expect(changes.getByText(TOOL)).toBeVisible();
  await expect(dialog.getByText(`tools/${TOOL}/handler.js`)).toBeVisible();
  await publish(page, { version: "1.0.0", changelog: "First release: convert prices to cents." });
  await expect(publishButton).toBeDisabled();
  await expect(page.locator("span[title]").filter({ has: publishButton })).toHaveAttribute(
    "title",
    "Nothing to publish: the draft matches production",
  );

  // A published tool keeps its name: the editor says why, next to the field.
  await page.goto(`${base}/tools/${TOOL}`);
  await page.getByRole("tab", { name: "Details" }).click();
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("convert_amount");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(`"${TOOL}" was published in 1.0.0; renaming would break hosts.`, { exact: false })).toBeVisible();
  await name.fill(TOOL);

  // Renaming a required input property is a breaking change.
  await page.getByRole("tab", { name: "Schema" }).click();
  await replaceEditorText(page, "Input schema", inputSchema("price"));
  await page.getByRole("tab", { name: "Code" }).click();
  await replaceEditorText(page, "Handler code", "async ({ price }) => ({ cents: Math.round(price * 100) })");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  await expect(publishButton).toBeEnabled();
  await publishButton.click();
  await expect(changes.getByText("Modified 1")).toBeVisible();
  await expect(changes.getByText(TOOL)).toBeVisible();
  const warning = dialog.getByRole("status").filter({ hasText: "breaking change" });
  await expect(warning).toContainText(TOOL);
  await expect(warning).toContainText("/amount");
  await expect(warning).toContainText("Property 'amount' was renamed to 'price'");
  await expect(dialog.getByText("major — breaking changes")).toBeVisible();
  const schemaDiff = dialog.getByRole("group").filter({ hasText: `tools/${TOOL}/input-schema.json` });
  await expect(schemaDiff.getByText('"amount": {')).toBeVisible();
  await expect(schemaDiff.getByText('"price": {')).toBeVisible();
  // A version below the suggestion is refused before anything is sent.
  await dialog.getByLabel("Version").fill("1.1.0");
  await dialog.getByRole("button", { name: "Publish version" }).click();
  await expect(dialog.getByText("Version must be at least 2.0.0 for these changes")).toBeVisible();
  await dialog.getByLabel("Version").fill("2.0.0");
  await publish(page, { version: "2.0.0", changelog: "Breaking: the input is now called price." });

  // History marks 2.0.0 as production; rolling back to 1.0.0 moves the marker.
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "History" }).click();
  const v2 = page.getByRole("article", { name: "Version 2.0.0" });
  const v1 = page.getByRole("article", { name: "Version 1.0.0" });
  await expect(v2.getByText("Production", { exact: true })).toBeVisible();
  await expect(v2).toContainText("Breaking: the input is now called price.");
  await expect(v1.getByText("Production", { exact: true })).toHaveCount(0);
  await expect(v2.getByRole("button", { name: "Roll back" })).toHaveCount(0);
  await v1.getByRole("button", { name: "Roll back" }).click();
  const confirm = page.getByRole("dialog", { name: "Roll back production to v1.0.0?" });
  await expect(confirm).toContainText("Hosts see these tools on their next request. Nothing new is published.");
  await confirm.getByRole("button", { name: "Roll back production" }).click();
  await expect(v1.getByText("Production", { exact: true })).toBeVisible();
  await expect(v2.getByText("Production", { exact: true })).toHaveCount(0);
  await expect(projectHeader(page).getByText("Production v1.0.0")).toBeVisible();

  // The detail of 2.0.0 shows its diff against 1.0.0 and how to verify it offline.
  await v2.getByRole("link", { name: "Version 2.0.0" }).click();
  await expect(page.getByRole("heading", { name: "v2.0.0" })).toBeVisible();
  await expect(page.getByText(`tools/${TOOL}/input-schema.json`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Download manifest" })).toHaveAttribute(
    "href",
    `/app/v1/organizations/${ORG}/projects/${project}/packages/2.0.0/manifest`,
  );
  await expect(page.getByLabel("2. Verify, in a checkout of Atelier")).toContainText(
    `npm run verify-package -- ${project}-2.0.0.manifest.json ${project}-2.0.0.manifest.json.sig http://localhost:`,
  );
  await expect(page.getByLabel("2. Verify, in a checkout of Atelier")).toContainText(`/app/v1/organizations/${ORG}/signing-key`);

  // A production token made in the Server tab reaches production, which serves 1.0.0's schema.
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Server" }).click();
  await page.getByLabel("Endpoint", { exact: true }).selectOption("production");
  await expect(page.getByText("Serving", { exact: true })).toBeVisible();
  await page.getByLabel("Token name").fill("e2e host");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("you won’t see it again")).toBeVisible();
  const token = await page.getByLabel("New production token").inputValue();
  expect(token).toMatch(/^atl_prod_/);
  await expect(page.getByRole("row", { name: /e2e host/ })).toBeVisible();

  const tools = await listProductionTools(page.request, project, token);
  expect(tools.map((tool) => tool.name)).toEqual([TOOL]);
  expect(Object.keys(tools[0].inputSchema.properties)).toEqual(["amount"]);
});
