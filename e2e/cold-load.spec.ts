// What a cold load of the tool page does first (scripts/bench-bundles.ts measures how fast): the
// page's own editor before speculative prefetches of other sections, and only the tab on screen.
import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { createProjectWithDemoTools, signIn } from "./fixtures";

type Shown = { __editorShownAt?: number };

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("a cold tool page prefetches other sections only once its editor is up, and then does", async ({ page }) => {
  const project = await createProjectWithDemoTools(page.request, "cold");
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.cm-content[aria-label="Handler code"]')) return;
      (window as Shown).__editorShownAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.goto(`/orgs/acme/projects/${project}/tools/add_numbers`);
  await expect(page.getByRole("textbox", { name: "Handler code" })).toBeVisible();

  // Server-component requests for other pages than this one (a refresh of this page would be no prefetch).
  const prefetches = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((entry) => entry.name.includes("_rsc=") && new URL(entry.name).pathname !== location.pathname)
        .map((entry) => ({ url: entry.name, startTime: entry.startTime })),
    );
  // The sidebar's links are prefetched in the end (a click on Executions stays quick)...
  await expect
    .poll(async () => (await prefetches()).some((entry) => new URL(entry.url).pathname.endsWith(`/${project}/executions`)), {
      timeout: 15_000,
    })
    .toBe(true);
  // ...but none of them started before the handler's editor was on screen.
  const shownAt = await page.evaluate(() => (window as Shown).__editorShownAt);
  expect(shownAt).toBeGreaterThan(0);
  for (const entry of await prefetches()) expect(entry.startTime, entry.url).toBeGreaterThan(shownAt ?? Number.POSITIVE_INFINITY);
});

test("a tab's content is created when the tab is first opened, then kept with its undo history", async ({ page }) => {
  const project = await createProjectWithDemoTools(page.request, "tabs");
  await page.goto(`/orgs/acme/projects/${project}/tools/add_numbers`);
  await expect(page.getByRole("textbox", { name: "Handler code" })).toBeVisible();
  // The Schema tab has not been opened: its two editors do not exist yet, not even hidden. The one
  // code editor of the page is the handler's.
  await expect(page.locator("[data-code-editor]")).toHaveCount(1);

  await page.getByRole("tab", { name: "Schema" }).click();
  const inputSchema = page.getByRole("textbox", { name: "Input schema" });
  await expect(inputSchema).toBeVisible();
  await inputSchema.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" ");
  await expect(inputSchema).toHaveText(/\} $/);

  // Away and back: the same editor, edit and undo history included.
  await page.getByRole("tab", { name: "Code" }).click();
  await expect(inputSchema).toBeHidden();
  await page.getByRole("tab", { name: "Schema" }).click();
  await expect(inputSchema).toHaveText(/\} $/);
  await inputSchema.click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(inputSchema).toHaveText(/\}$/);
});
