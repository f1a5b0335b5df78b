// The tool page at a laptop's 1024×768 and a desktop's 1440×900: the editor and the test panel
// side by side and both usable (inside the viewport, the editor wide enough to write code in),
// the split resizable from the keyboard, Run and Cancel reachable by keyboard, the result scrolled
// into view, a toast never over Run; and Cancel stops the handler on the server (recorded as
// cancelled in Executions), not only the browser's wait.
import { expect, test, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";

const ORG = "acme";

async function createProjectWithTool(page: Page): Promise<string> {
  const project = unique("layout");
  const base = `/app/v1/organizations/${ORG}/projects`;
  expect((await page.request.post(base, { headers: STUDIO_ORIGIN, data: { slug: project, name: `Layout ${project}` } })).status()).toBe(
    201,
  );
  const created = await page.request.post(`${base}/${project}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: "crunch",
      kind: "data",
      timeoutMs: 60_000,
      inputSchema: { type: "object", properties: { spin: { type: "boolean", description: "Never finish" } } },
      // The sandbox has no timers: a busy loop stands for a call that takes too long.
      handler: "async (props) => { if (props.spin) { while (true) {} } return { crunched: true }; }",
    },
  });
  expect(created.status()).toBe(201);
  return project;
}

const VIEWPORTS = [
  { width: 1024, height: 768, editorMin: 440 },
  { width: 1440, height: 900, editorMin: 720 },
];

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height} the editor and the test panel sit side by side, both usable`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const project = await createProjectWithTool(page);
    await page.goto(`/orgs/${ORG}/projects/${project}/tools/crunch`);
    const editor = page.getByRole("region", { name: "Editor" });
    const panel = page.getByRole("complementary", { name: "Test panel" });
    const run = panel.getByRole("button", { name: "Run", exact: true });
    await expect(page.getByRole("textbox", { name: "Handler code" })).toBeVisible();
    await expect(run).toBeVisible();

    const editorBox = (await editor.boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    // Side by side, inside the viewport, the editor at a width code can be written in.
    expect(editorBox.x).toBeGreaterThanOrEqual(0);
    expect(editorBox.x + editorBox.width).toBeLessThanOrEqual(panelBox.x);
    expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(viewport.width);
    expect(editorBox.width).toBeGreaterThanOrEqual(viewport.editorMin);
    expect(panelBox.width).toBeGreaterThanOrEqual(280);
    expect(panelBox.y).toBeLessThan(viewport.height);
    await expect(page.getByRole("link", { name: "Go to the test panel ↓" })).toBeHidden();

    // The split is a keyboard-operable separator: ← widens the panel, → gives the room back.
    const separator = page.getByRole("separator", { name: "Resize the test panel" });
    await separator.focus();
    const before = Number(await separator.getAttribute("aria-valuenow"));
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(separator).toHaveAttribute("aria-valuenow", String(before + 32));
    expect((await panel.boundingBox())!.width).toBeGreaterThan(panelBox.width + 20);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(separator).toHaveAttribute("aria-valuenow", String(before));

    // Run from the keyboard: the result is scrolled into view.
    await run.focus();
    await page.keyboard.press("Enter");
    const result = panel.getByRole("region", { name: "Result" });
    await expect(result).toContainText("crunched");
    await expect(result).toBeInViewport();

    // A toast (saving a preset) never covers Run.
    await panel.getByRole("button", { name: "Save as preset" }).click();
    await page.getByRole("dialog").getByLabel("Preset name").fill("plain");
    await page.getByRole("dialog").getByRole("button", { name: "Save preset" }).click();
    const toast = page.getByText("Preset “plain” saved");
    await expect(toast).toBeVisible();
    await run.scrollIntoViewIfNeeded();
    const toastBox = (await toast.boundingBox())!;
    const runBox = (await run.boundingBox())!;
    const overlaps =
      toastBox.x < runBox.x + runBox.width &&
      runBox.x < toastBox.x + toastBox.width &&
      toastBox.y < runBox.y + runBox.height &&
      runBox.y < toastBox.y + toastBox.height;
    expect(overlaps).toBe(false);

    // A call that never ends: Enter on Run puts the focus on Cancel, Enter cancels, the focus returns to Run.
    await panel.getByRole("checkbox", { name: /spin/ }).check();
    await run.focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("button", { name: /Running… \d+\.\d s/ })).toBeVisible();
    const cancel = panel.getByRole("button", { name: "Cancel" });
    await expect(cancel).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("status").filter({ hasText: "Cancelled" })).toBeVisible();
    await expect(run).toBeFocused();

    // The server stopped the handler: the call is recorded as cancelled, long before its 60 s limit.
    const executions = `/app/v1/organizations/${ORG}/projects/${project}/executions?errorType=cancelled`;
    await expect
      .poll(async () => ((await (await page.request.get(executions)).json()) as { data: unknown[] }).data.length, { timeout: 15_000 })
      .toBe(1);
    const [record] = ((await (await page.request.get(executions)).json()) as { data: Array<{ durationMs: number; errorCode: string }> })
      .data;
    expect(record.errorCode).toBe("cancelled");
    expect(record.durationMs).toBeLessThan(30_000);
  });
}
