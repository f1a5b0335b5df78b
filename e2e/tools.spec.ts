// Building tools in the studio and running them through the real draft endpoint: the test panel
// is an MCP client in the browser. Each test works in its own fresh project of the demo
// organization, so no test sees another's tools.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoComponents, demoTools } from "../lib/seed/demo-tools";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, unique, STUDIO_ORIGIN } from "./fixtures";

const ORG = "acme";

async function createProject(page: Page): Promise<string> {
  const slug = unique("tools");
  const response = await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
    headers: STUDIO_ORIGIN,
    data: { slug, name: `Tools ${slug}` },
  });
  expect(response.status()).toBe(201);
  return slug;
}

function toolsApi(project: string) {
  return `/app/v1/organizations/${ORG}/projects/${project}`;
}

/** Replaces everything in a CodeMirror editor: click into it, select all, type. */
async function replaceEditorText(page: Page, editorName: string, text: string, mode: "type" | "insert" = "insert") {
  const editor = page.getByRole("textbox", { name: editorName });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  if (mode === "type") await page.keyboard.type(text);
  else await page.keyboard.insertText(text);
}

async function connectTestPanel(page: Page) {
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await expect(panel.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  return panel;
}

// A cold production server opens the embedded database and loads route modules on its first
// requests (seconds on a small machine): do that once, before any step with a timeout.
test.beforeAll(async ({ request }) => {
  await warmUp(request);
});

async function warmUp(request: APIRequestContext) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "demo@atelier.local", password: E2E_DEMO_PASSWORD, json: "true" },
  });
  expect((await request.get(`/orgs/${ORG}`)).ok()).toBe(true);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("a Data Tool is written in the editor, saved, and run from the generated form; a syntax error is shown inline", async ({ page }) => {
  const project = await createProject(page);
  await page.goto(`/orgs/${ORG}/projects/${project}/data-tools`);
  await expect(page.getByText("No data tools yet")).toBeVisible();
  await page.getByRole("button", { name: "New data tool" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tool name").fill("measure_total");
  await dialog.getByRole("button", { name: "Create tool" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/projects/${project}/tools/measure_total$`));

  await replaceEditorText(page, "Handler code", "async ({ first, second, unit }) => ({ total: first + second, unit })", "type");
  await page.getByRole("tab", { name: "Schema" }).click();
  await replaceEditorText(
    page,
    "Input schema",
    JSON.stringify(
      {
        type: "object",
        properties: { first: { type: "number" }, second: { type: "number" }, unit: { type: "string", enum: ["cm", "m"] } },
        required: ["first", "second"],
        additionalProperties: false,
      },
      null,
      2,
    ),
  );
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  const panel = await connectTestPanel(page);
  await panel.getByLabel("first", { exact: true }).fill("2");
  await panel.getByLabel("second", { exact: true }).fill("3.5");
  await panel.getByLabel("unit", { exact: true }).selectOption("cm");
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  const result = panel.getByRole("region", { name: "Result" });
  await expect(result.getByText("Success")).toBeVisible();
  await expect(result.getByText(/"total": 5\.5/)).toBeVisible();
  await expect(result.getByText(/Duration \d+ ms/)).toBeVisible();

  // The arguments become a preset, saved on the tool: still there after a reload.
  await panel.getByRole("button", { name: "Save as preset" }).click();
  await page.getByRole("dialog").getByLabel("Preset name").fill("Small numbers");
  await page.getByRole("dialog").getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(panel.getByLabel("Preset", { exact: true })).toHaveValue("Small numbers");
  await page.reload();
  await page.getByLabel("Preset", { exact: true }).selectOption("Small numbers");
  await expect(page.getByLabel("second", { exact: true })).toHaveValue("3.5");

  // A handler that does not parse is refused on save, with the error at its line and column.
  await page.getByRole("tab", { name: "Code" }).click();
  await replaceEditorText(page, "Handler code", "async (props) => {\n  return props.first +;\n}\n");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /Line 2, column \d+: Unexpected token/ })).toBeVisible();
  // The gutter marker and the underline sit at the reported position.
  await expect(page.locator(".cm-lint-marker-error").filter({ visible: true })).toHaveCount(1);
  await expect(page.locator(".cm-lintRange-error")).toHaveText(";");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
});

test("a UI Tool runs with its preset and its component renders the result in a sandboxed iframe", async ({ page }) => {
  // The demo project lists its UI tool…
  await page.goto(`/orgs/${ORG}/projects/demo/ui-tools`);
  await expect(page.getByRole("link", { name: "show_weather" })).toBeVisible();

  // …and a fresh project with the same component and tool runs it (rotating only its own token).
  const project = await createProject(page);
  const [component] = demoComponents;
  const tool = demoTools.find((candidate) => candidate.name === "show_weather")!;
  expect((await page.request.post(`${toolsApi(project)}/components`, { headers: STUDIO_ORIGIN, data: component })).status()).toBe(201);
  const created = await page.request.post(`${toolsApi(project)}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: tool.name,
      kind: "ui",
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema,
      component: tool.componentName,
      presets: tool.presets,
    },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/orgs/${ORG}/projects/${project}/ui-tools`);
  await page.getByRole("link", { name: "show_weather" }).click();
  await expect(page.getByRole("heading", { name: "show_weather" })).toBeVisible();

  const panel = await connectTestPanel(page);
  await panel.getByLabel("Preset").selectOption("Lisbon");
  await expect(panel.getByLabel("city", { exact: true })).toHaveValue("Lisbon");
  await panel.getByRole("button", { name: "Run", exact: true }).click();

  const card = page.frameLocator('iframe[title="show_weather component"]');
  await expect(card.getByText("Lisbon")).toBeVisible();
  await expect(card.getByText("21 °C")).toBeVisible();
  await expect(page.locator('iframe[title="show_weather component"]')).toHaveAttribute("sandbox", "allow-scripts");
});

test("a validation error from the draft endpoint shows its path", async ({ page }) => {
  const project = await createProject(page);
  const created = await page.request.post(`${toolsApi(project)}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: "add_numbers",
      kind: "data",
      inputSchema: { type: "object", properties: { numbers: { type: "array", items: { type: "number" } } }, required: ["numbers"] },
      handler: "async ({ numbers }) => ({ sum: numbers.reduce((total, n) => total + n, 0) })",
    },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/orgs/${ORG}/projects/${project}/tools/add_numbers`);
  const panel = await connectTestPanel(page);

  // The form builds the array…
  const numbers = panel.getByRole("group", { name: "numbers" });
  await numbers.getByRole("button", { name: "Add item" }).click();
  await numbers.getByRole("button", { name: "Add item" }).click();
  await numbers.getByLabel("Item 1", { exact: true }).fill("4");
  await numbers.getByLabel("Item 2", { exact: true }).fill("five");
  await panel.getByRole("button", { name: "Run", exact: true }).click();

  // …and the endpoint refuses the second item, pointing at it.
  const error = panel.getByRole("alert", { name: "Validation error" });
  await expect(error).toContainText("schema_validation_failed");
  await expect(error.locator("mark")).toHaveText("/numbers/1");
  await expect(numbers.getByLabel("Item 2", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Raw JSON gets the same answer for a missing property.
  await panel.getByRole("button", { name: "Raw JSON" }).click();
  await replaceEditorText(page, "Arguments (JSON)", "{}");
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await expect(panel.getByRole("alert", { name: "Validation error" }).locator("mark")).toHaveText("/numbers");
});

test("a component is created with a live preview, and deleting it while a UI Tool uses it is refused", async ({ page }) => {
  const project = await createProject(page);
  await page.goto(`/orgs/${ORG}/projects/${project}/components`);
  await page.getByRole("link", { name: "New component" }).first().click();
  await page.getByLabel("Component name").fill("greeting-card");
  // The starter HTML shows the structuredContent it receives, as a host would deliver it.
  await expect(page.frameLocator('iframe[title="greeting-card preview"]').getByText("Hello from the preview")).toBeVisible();
  await page.getByRole("button", { name: "Create component" }).click();
  await expect(page).toHaveURL(/\/components\/greeting-card$/);

  const created = await page.request.post(`${toolsApi(project)}/tools`, {
    headers: STUDIO_ORIGIN,
    data: { name: "show_greeting", kind: "ui", component: "greeting-card" },
  });
  expect(created.status()).toBe(201);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete component" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("show_greeting");
});
