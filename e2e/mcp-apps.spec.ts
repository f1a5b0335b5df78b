// UI Tools in a host that follows the MCP Apps specification: every seeded and starter component,
// as the draft endpoint serves it (resources/read), rendered by a minimal host built only from
// @modelcontextprotocol/ext-apps' host code (e2e/mcp-apps-host.ts) — and the studio's test panel
// telling the truth about a component that never handshakes. Each test works in its own project
// of the demo organization, except the seeded demo project, which is only read.
import { expect, test, type Page } from "@playwright/test";
import { STARTER_HTML, STARTER_TSX } from "../components/components-editor/starter-html";
import { demoComponents, demoTools } from "../lib/seed/demo-tools";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";
import { HOST_PAGE_PATH, hostPageHtml } from "./mcp-apps-host";

const ORG = "acme";
const api = (project: string) => `/app/v1/organizations/${ORG}/projects/${project}`;

async function createProject(page: Page): Promise<string> {
  const slug = unique("apps");
  const response = await page.request.post(`/app/v1/organizations/${ORG}/projects`, { headers: STUDIO_ORIGIN, data: { slug, name: slug } });
  expect(response.status()).toBe(201);
  return slug;
}

async function post(page: Page, path: string, data: unknown) {
  const response = await page.request.post(path, { headers: STUDIO_ORIGIN, data });
  expect(response.status(), await response.text()).toBe(201);
}

/** A credential for the project's draft endpoint, as the signed-in member (no shared token rotated). */
async function draftCredential(page: Page, project: string): Promise<string> {
  const response = await page.request.post(`${api(project)}/test-panel-token`, { headers: STUDIO_ORIGIN });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** Opens the minimal host page, runs one tool through it and returns the view's frame. */
async function renderInHost(page: Page, project: string, toolName: string, args: Record<string, unknown>) {
  const token = await draftCredential(page, project);
  const html = await hostPageHtml();
  await page.route(`**${HOST_PAGE_PATH}`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(HOST_PAGE_PATH);
  const endpoint = new URL(`/mcp/${ORG}/${project}/draft`, page.url()).toString();
  await page.evaluate((options) => (window as unknown as { runHost: (o: unknown) => Promise<unknown> }).runHost(options), {
    endpoint,
    token,
    toolName,
    args,
  });
  return page.frameLocator('iframe[title="view"]');
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("the seeded weather card renders in a spec-compliant host once it completes the handshake", async ({ page }) => {
  const view = await renderInHost(page, "demo", "show_weather", { city: "Lisbon", temperatureC: 21, summary: "Sunny" });
  await expect(view.getByText("Lisbon")).toBeVisible();
  await expect(view.getByText("21 °C")).toBeVisible();
  await expect(view.getByText("Sunny")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { viewInitialized: boolean }).viewInitialized)).toBe(true);
});

test("the seeded temperature dial calls a Data Tool from inside the view and shows the draft result", async ({ page }) => {
  const view = await renderInHost(page, "demo", "show_temperature", { value: 21, from: "celsius" });
  await expect(view.getByText("69.8 °F")).toBeVisible();
  await expect(view.getByText("Converted by convert_temperature")).toBeVisible();
  await view.getByRole("button", { name: "5 degrees warmer" }).click();
  await expect(view.getByText("26 °C")).toBeVisible();
  await expect(view.getByText("78.8 °F")).toBeVisible();
});

test("every seeded component is served on the App API", () => {
  // The two tests above render each of them; this keeps a new seeded component from skipping that.
  expect(demoComponents.map((component) => component.name).sort()).toEqual(["temperature-dial", "weather-card"]);
  expect(
    demoTools
      .filter((tool) => tool.kind === "UI")
      .map((tool) => tool.componentName)
      .sort(),
  ).toEqual(["temperature-dial", "weather-card"]);
});

test("the starter HTML and TSX components render their result in the host; the TSX one sends a message", async ({ page }) => {
  const project = await createProject(page);
  await post(page, `${api(project)}/components`, { name: "starter-html", html: STARTER_HTML });
  await post(page, `${api(project)}/components`, { name: "starter-tsx", kind: "tsx", source: STARTER_TSX });
  const inputSchema = { type: "object", properties: { title: { type: "string" } }, required: ["title"] };
  await post(page, `${api(project)}/tools`, { name: "show_html", kind: "ui", component: "starter-html", inputSchema });
  await post(page, `${api(project)}/tools`, { name: "show_tsx", kind: "ui", component: "starter-tsx", inputSchema });

  const htmlView = await renderInHost(page, project, "show_html", { title: "From the HTML starter" });
  await expect(htmlView.getByText('"title": "From the HTML starter"')).toBeVisible();

  const tsxView = await renderInHost(page, project, "show_tsx", { title: "From the TSX starter" });
  await expect(tsxView.getByText('"title": "From the TSX starter"')).toBeVisible();
  await tsxView.getByRole("button", { name: "Ask for more" }).click();
  await expect(tsxView.getByRole("button", { name: "Asked" })).toBeVisible();
  const messages = await page.evaluate(() => (window as unknown as { viewMessages: unknown[] }).viewMessages);
  expect(messages).toEqual([{ role: "user", content: [{ type: "text", text: "Tell me more about this." }] }]);
});

test("an app-only tool is absent from the model's tools and callable from the view", async ({ page }) => {
  const project = await createProject(page);
  await post(page, `${api(project)}/tools`, {
    name: "next_ticket",
    kind: "data",
    visibility: ["app"],
    handler: "async () => ({ ticket: 'T-' + (40 + 2) })",
  });
  await post(page, `${api(project)}/components`, {
    name: "ticket-view",
    html: `<!doctype html><html><body><button type="button">Next ticket</button><p id="ticket">none</p>
<script type="module">
  const app = new McpApps.App({ name: "ticket-view", version: "1.0.0" });
  document.querySelector("button").onclick = async () => {
    const result = await app.callServerTool({ name: "next_ticket", arguments: {} });
    document.getElementById("ticket").textContent = result.structuredContent.ticket;
  };
  await app.connect();
</script></body></html>`,
  });
  await post(page, `${api(project)}/tools`, { name: "show_ticket", kind: "ui", component: "ticket-view" });

  const view = await renderInHost(page, project, "show_ticket", {});
  const modelTools = await page.evaluate(() => (window as unknown as { modelTools: string[] }).modelTools);
  expect(modelTools).toEqual(["show_ticket"]);
  await view.getByRole("button", { name: "Next ticket" }).click();
  await expect(view.getByText("T-42")).toBeVisible();
});

test("a component that never handshakes: the test panel warns, and a spec-compliant host shows it nothing", async ({ page }) => {
  const project = await createProject(page);
  // The pre-App-API pattern: it waits for a tool-result that a host never sends before ui/initialize.
  await post(page, `${api(project)}/components`, {
    name: "silent",
    html: `<!doctype html><html><body><p id="state">listening</p><script>
  window.addEventListener("message", (event) => {
    if (event.data && event.data.method === "ui/notifications/tool-result") document.getElementById("state").textContent = "got data";
  });
</script></body></html>`,
  });
  await post(page, `${api(project)}/tools`, { name: "show_silent", kind: "ui", component: "silent" });

  await page.goto(`/orgs/${ORG}/projects/${project}/tools/show_silent`);
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.frameLocator('iframe[title="show_silent component"]').getByText("listening")).toBeVisible();
  await expect(panel.getByText("This component never sent ui/initialize: hosts will show nothing.")).toBeVisible();

  const view = await renderInHost(page, project, "show_silent", {});
  await expect(view.getByText("listening")).toBeVisible();
  // The view has loaded and listens; the host has sent it nothing, so it never gets its data.
  expect(await page.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { viewInitialized?: boolean }).viewInitialized)).toBeUndefined();
  await expect(view.getByText("listening")).toBeVisible();
});

test("the preview's CSP is a response header: markup that hides a <head> cannot escape it", async ({ page }) => {
  const project = await createProject(page);
  await page.goto(`/orgs/${ORG}/projects/${project}/components/new`);
  await page.getByLabel("Component name").fill("escape-attempt");
  const html = `<!-- <head> --><head title="a>b"><p id="r">pending</p>
<script>
  document.addEventListener("securitypolicyviolation", (event) => {
    document.getElementById("r").textContent = "blocked by CSP: " + event.effectiveDirective;
  });
</script>
<img src="${new URL("/sign-in", page.url()).toString()}" alt="">`;
  const editor = page.getByRole("textbox", { name: "HTML" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(html);
  await expect(page.frameLocator('iframe[title="escape-attempt preview"]').getByText("blocked by CSP: img-src")).toBeVisible();
});

test("in the studio's test panel, a view's tools/call goes to the draft endpoint and theme changes reach the view", async ({ page }) => {
  await page.goto(`/orgs/${ORG}/projects/demo/tools/show_temperature`);
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await panel.getByLabel("Preset").selectOption("Room temperature");
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  const dial = page.frameLocator('iframe[title="show_temperature component"]');
  await expect(dial.getByText("69.8 °F")).toBeVisible();
  await dial.getByRole("button", { name: "5 degrees colder" }).click();
  await expect(dial.getByText("60.8 °F")).toBeVisible();

  await panel.getByLabel("Host theme").selectOption("dark");
  await panel.getByText(/Messages with the view \(\d+\) · handshake complete/).click();
  const log = panel.getByRole("list", { name: "Messages with the view" });
  await expect(log.getByText("ui/notifications/host-context-changed")).toBeVisible();
  await expect(log.getByText("tools/call").first()).toBeVisible();
});
