// A run in the test panel of a project with the demo tools is recorded and shows up on the Executions page:
// in the per-tool figures, in the list (found with the filters), and in the detail drawer with its
// input, output, console output and hashes — also on a phone-sized screen.
import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { createProjectWithDemoTools, signIn } from "./fixtures";

const ORG = "acme";

test("a test-panel run appears on the Executions page with its details", async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
  const project = await createProjectWithDemoTools(page.request, "runs");
  // A number no other run uses, so the detail shows this run's own input and output.
  const first = 1000 + Math.floor(Math.random() * 9000);

  await page.goto(`/orgs/${ORG}/projects/${project}/tools/add_numbers`);
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await expect(panel.getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await panel.getByLabel("Preset", { exact: true }).selectOption("Three numbers");
  await panel.getByRole("group", { name: "numbers" }).getByLabel("Item 1", { exact: true }).fill(String(first));
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await expect(panel.getByRole("region", { name: "Result" }).getByText("Success")).toBeVisible();

  await page.goto(`/orgs/${ORG}/projects/${project}/executions`);
  await expect(page.getByRole("heading", { name: "Executions" })).toBeVisible();
  // The test panel runs as the signed-in user, recorded as "Atelier test panel for <user>".
  await page.getByLabel("Tool", { exact: true }).selectOption("add_numbers");
  await page.getByLabel("Environment", { exact: true }).selectOption("draft");
  const calls = page.getByRole("table", { name: "Tool calls, newest first" });
  // Records are written in batches a moment after the call; the page refreshes every few seconds.
  const row = calls
    .getByRole("row")
    .filter({ hasText: "add_numbers" })
    .filter({ hasText: "Atelier test panel for demo@atelier.local" })
    .first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText("Success");

  const stats = page.getByRole("table", { name: "Calls, error rate and latency per tool" });
  await expect(stats.getByRole("row").filter({ hasText: "add_numbers" })).toBeVisible();

  await row.getByRole("button", { name: /^add_numbers, .*: details$/ }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("heading", { name: "add_numbers" })).toBeVisible();
  await expect(drawer.getByText(new RegExp(`"numbers": \\[\\s*${first},\\s*2,\\s*3\\.5\\s*\\]`))).toBeVisible();
  await expect(drawer.getByText(`"sum": ${first + 5.5}`)).toBeVisible();
  await expect(drawer.getByText("adding 3 numbers")).toBeVisible();
  await expect(drawer.getByText(/^[0-9a-f]{64}$/)).toHaveCount(2);
  // The test panel's client sends its name with every call (2026-07-28), so the host is it, not the browser.
  await expect(drawer.getByText("atelier-test-panel 1.0.0")).toBeVisible();
  expect(page.url()).toContain("execution=");

  // The link opens the same call, and the page fits a phone: no sideways scrolling.
  const link = page.url();
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toBeHidden();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(link);
  await expect(page.getByRole("dialog").getByText(`"sum": ${first + 5.5}`)).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("table", { name: "Tool calls, newest first" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
