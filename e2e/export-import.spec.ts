// Export and import in the studio, the way a maintainer does it: download a project's archive from
// Settings, import it as a new project after reading the preview, then import it onto a draft that
// has drifted and see the preview list what will be deleted before replacing it.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";

const ORG = "acme";

async function toolNames(page: Page, project: string): Promise<string[]> {
  const response = await page.request.get(`/app/v1/organizations/${ORG}/projects/${project}/tools`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: Array<{ name: string }> }).data.map((tool) => tool.name);
}

test("export a project's archive, import it as a new project and onto a drifted draft", async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
  const project = unique("export");
  expect(
    (
      await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
        headers: STUDIO_ORIGIN,
        data: { slug: project, name: "Export me" },
      })
    ).status(),
  ).toBe(201);
  const tool = await page.request.post(`/app/v1/organizations/${ORG}/projects/${project}/tools`, {
    headers: STUDIO_ORIGIN,
    data: { name: "convert_price", kind: "data", description: "Converts a price to cents.", handler: "async () => ({ cents: 100 })" },
  });
  expect(tool.status()).toBe(201);

  await page.goto(`/orgs/${ORG}/projects/${project}/settings`);
  const section = page.getByRole("region", { name: "Export and import" }).or(page.locator("section", { hasText: "Export and import" }));
  const downloading = page.waitForEvent("download");
  await section.getByRole("link", { name: "Export archive" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${project}.atelier.json`);
  const path = await download.path();
  const archive = JSON.parse(await readFile(path, "utf8")) as { format: string; tools: Array<{ name: string }> };
  expect(archive.format).toBe("atelier.project-export/v1");
  expect(archive.tools.map((item) => item.name)).toEqual(["convert_price"]);

  // As a new project.
  const copy = unique("copy");
  await page.locator('input[type="file"]').setInputFiles(path);
  const dialog = page.getByRole("dialog", { name: "Import archive" });
  await dialog.getByLabel("A new project in this organization").check();
  await dialog.getByLabel("New project's slug").fill(copy);
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByRole("list", { name: "Changes" })).toContainText("+ tool convert_price");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}/projects/${copy}$`));
  expect(await toolNames(page, copy)).toEqual(["convert_price"]);

  // Onto a draft that has drifted: the preview names what goes, then the draft equals the archive.
  const extra = await page.request.post(`/app/v1/organizations/${ORG}/projects/${copy}/tools`, {
    headers: STUDIO_ORIGIN,
    data: { name: "extra_tool", kind: "data" },
  });
  expect(extra.status()).toBe(201);
  await page.goto(`/orgs/${ORG}/projects/${copy}/settings`);
  await page.locator('input[type="file"]').setInputFiles(path);
  await dialog.getByLabel(/This project's draft/).check();
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByRole("list", { name: "Changes" })).toContainText("− tool extra_tool");
  await dialog.getByRole("button", { name: "Replace the draft" }).click();
  await expect(dialog).toBeHidden();
  expect(await toolNames(page, copy)).toEqual(["convert_price"]);
});
