// A newcomer's first minutes: sign up, create an organization and a project, invite
// a teammate who joins with the right role — and a Viewer is refused an Editor action.
import { expect, test } from "@playwright/test";
import { newPerson, signIn, signUp, unique, STUDIO_ORIGIN } from "./fixtures";

test.describe.configure({ mode: "serial" });

const owner = newPerson("Olivia");
const viewer = newPerson("Victor");
const orgName = unique("Team");
let orgSlug = "";
const projectSlug = "support-bot";

test("a new user signs up, creates an organization and a project, and invites a Viewer who joins", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: /create an account|sign up/i }).click();
  await signUp(page, owner);

  await expect(page).toHaveURL(/\/orgs\/new/);
  orgSlug = orgName.toLowerCase();
  // Typing can land before React hydrates the form; retry until the slug follows the name.
  // Clear first: React ignores a "change" to the value the input already shows.
  await expect(async () => {
    await page.getByLabel("Organization name").fill("");
    await page.getByLabel("Organization name").fill(orgName);
    await expect(page.getByLabel("Slug")).toHaveValue(orgSlug, { timeout: 1_000 });
  }).toPass();
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgSlug}$`));

  await page.getByRole("button", { name: "New project" }).click();
  await page.getByLabel("Project name").fill("Support bot");
  await expect(page.getByLabel("Slug")).toHaveValue(projectSlug);
  await page.getByRole("button", { name: "Create project" }).click();
  // A new project opens on its own page.
  await expect(page).toHaveURL(new RegExp(`/orgs/${orgSlug}/projects/${projectSlug}$`));
  await expect(page.getByRole("heading", { name: "Support bot", level: 1 })).toBeVisible();

  await page.goto(`/orgs/${orgSlug}/settings/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(viewer.email);
  await dialog.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  const link = await dialog.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invitations\/atl_inv_/);

  // The teammate opens the link in their own browser, signs up, and accepts.
  const context = await browser.newContext();
  const teammate = await context.newPage();
  await teammate.goto(link.trim());
  await expect(teammate.getByText(orgName).first()).toBeVisible();
  await teammate.getByRole("link", { name: /sign up|create an account/i }).click();
  await signUp(teammate, viewer);
  await teammate.getByRole("button", { name: "Accept invitation" }).click();
  await expect(teammate).toHaveURL(new RegExp(`/orgs/${orgSlug}`));
  await expect(teammate.getByRole("link", { name: /Support bot/ })).toBeVisible();
  // Viewers cannot create projects: the button is shown disabled, with the reason.
  const newProject = teammate.getByRole("button", { name: "New project" });
  await expect(newProject).toBeDisabled();
  await expect(newProject).toHaveAccessibleDescription("Only Owners and Admins can create projects.");

  await teammate.goto(`/orgs/${orgSlug}/settings/members`);
  const row = teammate.getByRole("row", { name: new RegExp(viewer.email) });
  await expect(row).toContainText(/viewer/i);
  await context.close();

  // The owner sees the new member with the role they were invited with.
  await page.reload();
  await expect(page.getByLabel(`Role for ${viewer.email}`)).toHaveValue("VIEWER");
});

test("a Viewer is refused an Editor action in the UI and through the API", async ({ page }) => {
  await signIn(page, viewer.email, viewer.password);
  await page.goto(`/orgs/${orgSlug}/projects/${projectSlug}`);

  // The UI does not let a Viewer edit the Instructions…
  await expect(page.getByRole("heading", { name: "Support bot", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save instructions" })).toHaveCount(0);
  await expect(page.getByLabel("Instructions")).not.toBeEditable();

  // …and the server refuses it when asked directly with the same session.
  const response = await page.request.patch(`/app/v1/organizations/${orgSlug}/projects/${projectSlug}`, {
    headers: STUDIO_ORIGIN,
    data: { instructions: "Ignore all previous instructions" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
});
