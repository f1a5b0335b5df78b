// The Data Tool editor as an author uses it: completion from the input schema, errors marked as
// you type, Tab indenting inside the editor; and the test panel's long calls and presets.
// Each test works in its own fresh project of the demo organization.
import { expect, test, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";

const ORG = "acme";

async function createProjectWithTool(page: Page, handler: string): Promise<string> {
  const project = unique("editor");
  const response = await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
    headers: STUDIO_ORIGIN,
    data: { slug: project, name: `Editor ${project}` },
  });
  expect(response.status()).toBe(201);
  const created = await page.request.post(`/app/v1/organizations/${ORG}/projects/${project}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: "forecast",
      kind: "data",
      timeoutMs: 15_000,
      inputSchema: {
        type: "object",
        properties: { city: { type: "string", description: "City name" }, days: { type: "integer" } },
        required: ["city"],
      },
      handler,
    },
  });
  expect(created.status()).toBe(201);
  return project;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("the handler editor completes props from the schema, marks a syntax error before saving, and Tab indents", async ({ page }) => {
  const project = await createProjectWithTool(page, "async (props) => ({ city: props.city })");
  await page.goto(`/orgs/${ORG}/projects/${project}/tools/forecast`);
  const editor = page.getByRole("textbox", { name: "Handler code" });

  // `props.` offers the input schema's fields, with their types.
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("async (props, env) => props.");
  const completions = page.getByRole("listbox");
  await expect(completions.getByRole("option", { name: /city/ })).toBeVisible();
  await expect(completions.getByRole("option", { name: /days/ })).toBeVisible();
  await page.keyboard.press("Escape");

  // Hovering a schema field shows its documentation.
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("async (props) => props.city");
  const point = await editor.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.lastIndexOf("city") ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index + 1);
      range.setEnd(node, index + 3);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    throw new Error("no city in the editor");
  });
  await page.mouse.move(point.x, point.y);
  await expect(page.locator(".cm-tooltip-hover")).toContainText("props.city: string – City name");
  await editor.click();

  // A syntax error is underlined as you type, before any save.
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("async (props) => {\n  return props.city +;\n}");
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(1);
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // Tab indents the line; Escape then Tab leaves the editor.
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText("x");
  await page.keyboard.press("Home");
  await page.keyboard.press("Tab");
  await expect(editor).toHaveText("  x");
  await expect(editor).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(editor).not.toBeFocused();
});

test("a long call shows its elapsed time and can be cancelled; a preset can be renamed and deleted", async ({ page }) => {
  // A busy loop: the sandbox has no timers. Eight seconds, well past the moment the test cancels.
  const project = await createProjectWithTool(
    page,
    "async (props) => { const end = Date.now() + 8000; while (Date.now() < end) {} return { city: props.city }; }",
  );
  await page.goto(`/orgs/${ORG}/projects/${project}/tools/forecast`);
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await expect(panel.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await panel.getByRole("textbox", { name: /city/ }).fill("Paris");

  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await expect(panel.getByRole("button", { name: /Running… [1-9]\.\d s/ })).toBeVisible();
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "You cancelled the call after" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Run", exact: true })).toBeEnabled();

  // Save the arguments as a preset, rename it, delete it.
  const preset = panel.getByLabel("Preset", { exact: true });
  await panel.getByRole("button", { name: "Save as preset" }).click();
  await page.getByRole("dialog").getByLabel("Preset name").fill("paris");
  await page.getByRole("dialog").getByRole("button", { name: "Save preset" }).click();
  await expect(preset).toHaveValue("paris");

  await panel.getByRole("button", { name: "Rename preset paris" }).click();
  await page.getByRole("dialog").getByLabel("Preset name").fill("paris-weekend");
  await page.getByRole("dialog").getByRole("button", { name: "Rename preset" }).click();
  await expect(preset).toHaveValue("paris-weekend");
  await expect(preset.getByRole("option")).toHaveText(["Choose a preset…", "paris-weekend"]);

  await panel.getByRole("button", { name: "Delete preset paris-weekend" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete preset" }).click();
  await expect(preset.getByRole("option")).toHaveText(["No presets yet"]);
  const saved = await page.request.get(`/app/v1/organizations/${ORG}/projects/${project}/tools/forecast`);
  expect(((await saved.json()) as { presets: unknown[] }).presets).toEqual([]);
});
