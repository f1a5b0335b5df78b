// Prompts and resources built in the studio (issue 13): a prompt created from the sidebar's
// Prompts section and rendered in its test panel with an argument, then a resource template
// created under Resources and read in its test panel with a variable. A case saved from either
// panel keeps the arguments the shown result came from, even after the field was changed.
import { expect, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";

const ORG = "acme";

type CaseList = { data: Array<{ name: string; input: Record<string, unknown> }> };

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

test("a prompt and a resource template are created in the studio and seen in their test panels", async ({ page }) => {
  const project = unique("prompts");
  const created = await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
    headers: STUDIO_ORIGIN,
    data: { slug: project, name: `Prompts ${project}` },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/orgs/${ORG}/projects/${project}`);
  await page.getByRole("link", { name: "Prompts", exact: true }).click();
  await expect(page.getByText("No prompts yet")).toBeVisible();
  await page.getByRole("link", { name: "New prompt" }).click();
  await page.getByLabel("Name").fill("summarize");
  await page.getByLabel("Title").fill("Summarize");
  // The starter template has one required argument, topic.
  await page.getByRole("button", { name: "Create prompt" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/projects/${project}/prompts/summarize$`));

  const promptPanel = page.getByRole("complementary", { name: "Test panel" });
  await promptPanel.getByLabel("topic").fill("MCP prompts");
  await promptPanel.getByRole("button", { name: "Get prompt" }).click();
  const messages = promptPanel.getByRole("list", { name: "Messages" });
  await expect(messages).toContainText("user");
  await expect(messages).toContainText("Summarize MCP prompts in three bullet points.");
  // Changing the field without running again, then saving: the case is what the preview showed.
  await promptPanel.getByLabel("topic").fill("something else");
  await promptPanel.getByLabel("Test case name").fill("mcp");
  await promptPanel.getByRole("button", { name: "Save as test case" }).click();
  await expect(promptPanel.getByText('Saved "mcp": expects this result.')).toBeVisible();
  const promptCases = await page.request.get(`/app/v1/organizations/${ORG}/projects/${project}/prompts/summarize/test-cases`);
  expect(((await promptCases.json()) as CaseList).data.map(({ name, input }) => ({ name, input }))).toEqual([
    { name: "mcp", input: { topic: "MCP prompts" } },
  ]);

  await page.getByRole("link", { name: "Resources", exact: true }).click();
  await expect(page.getByText("No resources yet")).toBeVisible();
  await page.getByRole("link", { name: "New resource" }).click();
  await page.getByLabel("Name").fill("day_notes");
  await page.getByLabel("Kind").selectOption("template");
  await page.getByLabel("URI template").fill("notes://days/{date}");
  await page.getByLabel("MIME type").fill("application/json");
  await page.getByRole("button", { name: "Create resource" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/projects/${project}/resources/day_notes$`));

  const resourcePanel = page.getByRole("complementary", { name: "Test panel" });
  await resourcePanel.getByLabel("date").fill("2026-11-29");
  await expect(resourcePanel.getByText("notes://days/2026-11-29", { exact: true })).toBeVisible();
  await resourcePanel.getByRole("button", { name: "Read resource" }).click();
  await expect(resourcePanel.getByText('{"date":"2026-11-29"}')).toBeVisible();
  await resourcePanel.getByLabel("date").fill("2026-12-01");
  await resourcePanel.getByLabel("Test case name").fill("sunday");
  await resourcePanel.getByRole("button", { name: "Save as test case" }).click();
  await expect(resourcePanel.getByText('Saved "sunday": expects this result.')).toBeVisible();
  const resourceCases = await page.request.get(`/app/v1/organizations/${ORG}/projects/${project}/resources/day_notes/test-cases`);
  expect(((await resourceCases.json()) as CaseList).data.map(({ name, input }) => ({ name, input }))).toEqual([
    { name: "sunday", input: { date: "2026-11-29" } },
  ]);
});
