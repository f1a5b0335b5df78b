// The studio's finish: real 404s, filters in the address, the schema form, the project overview,
// a UI Tool made with its component, dark mode, and a screenshot pass over the main pages.
import { expect, test, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";

const ORG = "acme";
const api = (project: string) => `/app/v1/organizations/${ORG}/projects/${project}`;

async function createProject(page: Page, prefix = "studio"): Promise<string> {
  const slug = unique(prefix);
  const response = await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
    headers: STUDIO_ORIGIN,
    data: { slug, name: `Studio ${slug}` },
  });
  expect(response.status()).toBe(201);
  return slug;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("unknown pages answer HTTP 404 with the not-found page", async ({ page }) => {
  for (const path of [
    "/no/such/page",
    "/orgs/no-such-org",
    `/orgs/${ORG}/projects/no-such-project`,
    `/orgs/${ORG}/projects/no-such-project/executions`,
    `/orgs/${ORG}/projects/demo/tools/no_such_tool`,
    `/orgs/${ORG}/projects/demo/components/no-such-component`,
    `/orgs/${ORG}/projects/demo/history/99.0.0`,
    `/orgs/${ORG}/projects/demo/no-such-section`,
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  // Known pages still answer 200, and the browser shows the not-found page for unknown ones.
  expect((await page.request.get(`/orgs/${ORG}/projects/demo/tools/add_numbers`, { maxRedirects: 0 })).status()).toBe(200);
  const response = await page.goto(`/orgs/${ORG}/projects/no-such-project`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("Executions filters live in the URL: shareable, and the back button undoes them", async ({ page }) => {
  const base = `/orgs/${ORG}/projects/demo/executions`;
  await page.goto(base);
  await expect(page.getByRole("heading", { name: "Executions" })).toBeVisible();

  await page.getByLabel("Status", { exact: true }).selectOption("error");
  await expect(page).toHaveURL(/[?&]status=error/);
  await page.getByLabel("Environment", { exact: true }).selectOption("draft");
  await expect(page).toHaveURL(/[?&]environment=draft/);
  await page.getByLabel("Time range", { exact: true }).selectOption("7d");
  await expect(page).toHaveURL(/[?&]range=7d/);

  // Back: one filter at a time, and the controls follow the address.
  await page.goBack();
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.getByLabel("Time range", { exact: true })).toHaveValue("24h");
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue("draft");
  await page.goBack();
  await expect(page).not.toHaveURL(/environment=/);
  await expect(page.getByLabel("Environment", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("error");

  // A shared link opens the same view in a fresh tab.
  const shared = await page.context().newPage();
  await shared.goto(`${base}?tool=add_numbers&environment=production&status=error&errorType=timeout&range=30d`);
  await expect(shared.getByLabel("Tool", { exact: true })).toHaveValue("add_numbers");
  await expect(shared.getByLabel("Environment", { exact: true })).toHaveValue("production");
  await expect(shared.getByLabel("Status", { exact: true })).toHaveValue("error");
  await expect(shared.getByLabel("Error type", { exact: true })).toHaveValue("timeout");
  await expect(shared.getByLabel("Time range", { exact: true })).toHaveValue("30d");
  await shared.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(shared).toHaveURL(new RegExp(`${base}$`));
});

test("the schema form and the raw JSON edit the same schema, and saving keeps the author's key order", async ({ page }) => {
  const project = await createProject(page, "schema");
  const inputSchema = {
    type: "object",
    properties: { zip: { type: "string", pattern: "^[0-9]{5}$" }, city: { type: "string" } },
    required: ["zip"],
    additionalProperties: false,
  };
  const created = await page.request.post(`${api(project)}/tools`, {
    headers: STUDIO_ORIGIN,
    data: { name: "find_weather", kind: "data", inputSchema, handler: "async (props) => props" },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/orgs/${ORG}/projects/${project}/tools/find_weather`);
  await page.getByRole("tab", { name: "Schema" }).click();
  await page.getByRole("button", { name: "Form Input schema" }).click();
  const form = page.getByRole("group", { name: "Input schema form" });

  // Rename in place, describe, restrict to a list, require, and add a nested object with an array.
  await form.getByLabel("Name of city", { exact: true }).fill("town");
  await form.getByLabel("Name of city", { exact: true }).press("Enter");
  await form.getByLabel("Description of town", { exact: true }).fill("Where to look");
  await form.getByRole("checkbox", { name: "Required town" }).check();
  await form.getByRole("button", { name: "Add property", exact: true }).click();
  await form.getByLabel("Name of field", { exact: true }).fill("units");
  await form.getByLabel("Name of field", { exact: true }).blur();
  await form.getByLabel("Allowed values of units", { exact: true }).fill("metric, imperial");
  await form.getByLabel("Allowed values of units", { exact: true }).blur();
  await form.getByRole("button", { name: "Add property", exact: true }).click();
  await form.getByLabel("Type of field", { exact: true }).selectOption("object");
  await form.getByRole("button", { name: "Add property to field" }).click();
  await form.getByLabel("Type of field.field", { exact: true }).selectOption("array");
  await form.getByLabel("Type of items of field.field", { exact: true }).selectOption("number");

  const expected = {
    type: "object",
    properties: {
      zip: { type: "string", pattern: "^[0-9]{5}$" },
      town: { type: "string", description: "Where to look" },
      units: { type: "string", enum: ["metric", "imperial"] },
      field: { type: "object", properties: { field: { type: "array", items: { type: "number" } } } },
    },
    required: ["zip", "town"],
    additionalProperties: false,
  };
  // The JSON view shows exactly what the form wrote, in the author's order.
  await page.getByRole("button", { name: "JSON Input schema" }).click();
  const json = page.getByRole("textbox", { name: "Input schema" });
  await expect.poll(async () => JSON.stringify(JSON.parse((await json.textContent()) ?? "".trim()))).toBe(JSON.stringify(expected));

  // …and an edit in the JSON shows in the form.
  await json.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(
    JSON.stringify({ ...expected, properties: { ...expected.properties, zip: { type: "integer" } } }, null, 2),
  );
  await page.getByRole("button", { name: "Form Input schema" }).click();
  await expect(form.getByLabel("Type of zip", { exact: true })).toHaveValue("integer");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  const saved = (await (await page.request.get(`${api(project)}/tools/find_weather`)).json()) as { inputSchema: unknown };
  expect(JSON.stringify(saved.inputSchema)).toBe(
    JSON.stringify({ ...expected, properties: { ...expected.properties, zip: { type: "integer" } } }),
  );
});

test("a new project's overview says what to do next; a UI Tool is created with its component in one go", async ({ page }) => {
  const project = await createProject(page, "overview");
  await page.goto(`/orgs/${ORG}/projects/${project}`);
  const nextSteps = () => page.locator("section").filter({ has: page.getByRole("heading", { name: "Next steps" }) });
  const steps = nextSteps();
  await expect(steps.locator('[aria-current="step"]')).toContainText("Create a tool");
  await expect(page.getByRole("link", { name: /^Production Not published/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Production endpoint URL" })).toHaveValue(new RegExp(`/mcp/${ORG}/${project}$`));

  await steps.getByRole("link", { name: "Create a tool" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/ui-tools$`));
  await page.getByRole("button", { name: "New UI tool" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tool name").fill("show_forecast");
  // No component yet: the dialog offers to create one with the tool.
  await expect(dialog.getByLabel("Component", { exact: true })).toHaveValue("+new");
  await dialog.getByLabel("New component name").fill("forecast-card");
  await dialog.getByRole("button", { name: "Create tool and component" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/tools/show_forecast$`));

  const tool = (await (await page.request.get(`${api(project)}/tools/show_forecast`)).json()) as { component: string };
  expect(tool.component).toBe("forecast-card");
  expect((await page.request.get(`${api(project)}/components/forecast-card`)).status()).toBe(200);

  await page.goto(`/orgs/${ORG}/projects/${project}`);
  await expect(nextSteps().locator('[aria-current="step"]')).toContainText("Try it on the draft");
});

test("dark mode follows the system until a choice is made, and the choice sticks", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/orgs/${ORG}`);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Light theme" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "System theme" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
});

test("favicon and app icon are served", async ({ page }) => {
  await page.goto(`/orgs/${ORG}`);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  const apple = await page.locator('link[rel="apple-touch-icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  expect(apple).toBeTruthy();
  const iconResponse = await page.request.get(icon as string);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
  expect((await page.request.get(apple as string)).headers()["content-type"]).toContain("image/png");
});

// A screenshot pass over the main pages at three widths, light and dark: each screenshot is
// attached to the report for a person to look at; the checks are what a machine can see in it —
// the page is in the theme asked for and nothing spills sideways.
test("main pages at 1440, 1024 and 390 px, light and dark", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const pages = [
    `/orgs/${ORG}`,
    `/orgs/${ORG}/projects/demo`,
    `/orgs/${ORG}/projects/demo/tools/add_numbers`,
    `/orgs/${ORG}/projects/demo/executions`,
    `/orgs/${ORG}/settings/members`,
  ];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1440, 1024, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator("main").first()).toBeVisible();
        await expect(page.locator("[data-loading-region]")).toHaveCount(0);
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark")), `${path} ${colorScheme}`).toBe(
          colorScheme === "dark",
        );
        // The canvas colour really changed: dark pages are dark, light pages light.
        // Lightness 0..1 of the page background, as painted (a canvas converts lab()/oklch() to sRGB).
        const lightness = await page.evaluate(() => {
          const context = document.createElement("canvas").getContext("2d");
          if (!context) throw new Error("no 2d canvas");
          context.fillStyle = getComputedStyle(document.body).backgroundColor;
          context.fillRect(0, 0, 1, 1);
          const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
          return (r + g + b) / 3 / 255;
        });
        expect(colorScheme === "dark" ? lightness < 0.35 : lightness > 0.8, `${path} ${colorScheme} background ${lightness}`).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}px`).toBeLessThanOrEqual(width);
        const name = `${colorScheme}-${width}${path.replaceAll("/", "_")}.png`;
        await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
        await testInfo.attach(name, { path: testInfo.outputPath(name), contentType: "image/png" });
      }
    }
  }
});
