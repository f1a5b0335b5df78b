// An admin's incident drill on a project of its own (with the demo's tools): make it public in Settings (after reading what
// that means), call production anonymously with the real MCP SDK client, pull the kill switch in
// the UI, see the very next anonymous call refused with 401, and find it all in the audit log
// and the call on the Executions page. Then: what each role sees enabled in those settings.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { createProjectWithDemoTools, newPerson, signIn, unique, STUDIO_ORIGIN } from "./fixtures";

const ORG = "acme";
const OWNER_EMAIL = "demo@atelier.local";

/** A settings section (a card with its heading). */
const section = (page: Page, title: string) =>
  page.locator("section").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

async function anonymousClient(baseURL: string, project: string) {
  const client = new Client({ name: "e2e-anonymous", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`/mcp/${ORG}/${project}`, baseURL)));
  return client;
}

/** A raw anonymous JSON-RPC initialize, as a host without credentials sends it. */
async function anonymousInitialize(page: Page, project: string) {
  return page.request.post(`/mcp/${ORG}/${project}`, {
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    data: {
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "e2e", version: "1" } },
    },
  });
}

test("flip a project public, call it anonymously, pull the kill switch, and find it all in the audit log and Executions", async ({
  page,
  baseURL,
}) => {
  await signIn(page, OWNER_EMAIL, E2E_DEMO_PASSWORD);
  const slug = await createProjectWithDemoTools(page.request, "drill");
  const projectPath = `/app/v1/organizations/${ORG}/projects/${slug}`;
  const project = (await (await page.request.get(projectPath)).json()) as { visibility: string };
  expect(project.visibility).toBe("private");
  const published = await page.request.post(`${projectPath}/publish`, {
    headers: STUDIO_ORIGIN,
    data: { changelog: "First release of the demo tools." },
  });
  expect(published.status()).toBe(201);
  expect((await anonymousInitialize(page, slug)).status()).toBe(401);

  // Settings → MCP server → Public, confirmed after reading the consequence.
  await page.goto(`/orgs/${ORG}/projects/${slug}/settings`);
  const visibility = page.getByRole("group", { name: "Visibility" });
  await expect(visibility.getByRole("radio", { name: /Private/ })).toBeChecked();
  await visibility.getByRole("radio", { name: /Public/ }).click();
  const confirmPublic = page.getByRole("dialog", { name: "Make this project public?" });
  await expect(confirmPublic).toContainText("can list and call this project's production tools anonymously");
  await expect(confirmPublic).toContainText(`/mcp/${ORG}/${slug}`);
  await confirmPublic.getByRole("button", { name: "Make public" }).click();
  await expect(confirmPublic).toBeHidden();
  await expect(visibility.getByRole("radio", { name: /Public/ })).toBeChecked();

  // An anonymous MCP host (the real SDK client, no credentials) lists and calls production tools.
  const client = await anonymousClient(baseURL!, slug);
  try {
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain("add_numbers");
    const result = await client.callTool({ name: "add_numbers", arguments: { numbers: [1, 2, 3.5] } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ sum: 6.5 });

    // The kill switch, from the UI.
    const killSwitch = section(page, "Kill switch");
    await killSwitch.getByRole("button", { name: "Disable public access" }).click();
    const confirmKill = page.getByRole("dialog", { name: "Disable public access now?" });
    await expect(confirmKill).toContainText("anonymous production calls get 401");
    await confirmKill.getByRole("button", { name: "Disable public access" }).click();
    await expect(confirmKill).toBeHidden();
    await expect(page.getByText("Public access disabled")).toBeVisible();
    await expect(visibility.getByRole("radio", { name: /Private/ })).toBeChecked();

    // The same connected host's next call is refused.
    await expect(client.callTool({ name: "add_numbers", arguments: { numbers: [1] } })).rejects.toMatchObject({ status: 401 });
  } finally {
    await client.close();
  }
  const refused = await anonymousInitialize(page, slug);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("resource_metadata=");

  // The audit log shows both changes, by the demo owner, old → new.
  await page.goto(`/orgs/${ORG}/settings/audit-log`);
  await page.getByLabel("Project").selectOption(slug);
  const rows = page.getByRole("row");
  const killRow = rows.filter({ hasText: "project.kill_switch" }).first();
  await expect(killRow).toContainText(OWNER_EMAIL);
  await expect(killRow).toContainText("visibility: public → private");
  const visibilityRow = rows.filter({ hasText: "project.visibility" }).first();
  await expect(visibilityRow).toContainText("visibility: private → public");
  await expect(visibilityRow).toContainText(/Chrome/);

  // Filtering by action narrows it down, and the export carries what the filters select.
  await page.getByLabel("Action").selectOption("project.kill_switch");
  await expect(rows.filter({ hasText: "project.visibility" })).toHaveCount(0);
  await expect(rows.filter({ hasText: "project.kill_switch" }).first()).toBeVisible();
  expect(page.url()).toContain("action=project.kill_switch");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-acme-.*\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.split("\r\n")[0]).toBe(
    "id,createdAt,action,actorUserId,actorTokenId,actorLabel,targetType,targetId,targetLabel,oldValue,newValue,ip,userAgent",
  );
  expect(text).toContain("project.kill_switch");
  expect(text).not.toContain("project.visibility");

  // The anonymous call is on the Executions page (records are written in batches: reload until it lands).
  await page.goto(`/orgs/${ORG}/projects/${slug}/executions`);
  await expect(async () => {
    await page.reload();
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: "add_numbers" })
        .filter({ hasText: /anonymous/i })
        .first(),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // …and so is the call the kill switch refused, as an auth error.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "add_numbers" }).filter({ hasText: "Auth" }).first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
});

/** A new account that has joined the demo organization with `role`, signed in on its own page. */
async function memberPage(browser: Browser, owner: Page, role: "ADMIN" | "EDITOR" | "VIEWER") {
  const person = newPerson(role.toLowerCase());
  const context = await browser.newContext();
  const page = await context.newPage();
  expect((await page.request.post("/api/sign-up", { data: person })).status()).toBe(202);
  const invitation = await owner.request.post(`/app/v1/organizations/${ORG}/invitations`, {
    headers: STUDIO_ORIGIN,
    data: { email: person.email, role },
  });
  expect(invitation.status()).toBe(201);
  const token = ((await invitation.json()) as { link: string }).link.split("/").pop();
  await signIn(page, person.email, person.password);
  expect((await page.request.post(`/app/v1/invitations/${token}/accept`, { headers: STUDIO_ORIGIN })).status()).toBe(200);
  const me = (await (await page.request.get("/app/v1/me")).json()) as { id: string };
  return { page, context, id: me.id };
}

test("each role sees the visibility, kill switch and rate-limit controls the server would allow", async ({ page, browser }) => {
  // Four people sign up and sign in at once (eight password hashes) and four browsers open the
  // settings page: over a minute on the 2-core CI machine when the other worker is busy too.
  test.setTimeout(150_000);
  await signIn(page, OWNER_EMAIL, E2E_DEMO_PASSWORD);
  const project = unique("roles");
  expect(
    (
      await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
        headers: STUDIO_ORIGIN,
        data: { slug: project, name: `Roles ${project}` },
      })
    ).status(),
  ).toBe(201);
  const [admin, editor, viewer, projectOwner] = await Promise.all([
    memberPage(browser, page, "ADMIN"),
    memberPage(browser, page, "EDITOR"),
    memberPage(browser, page, "VIEWER"),
    memberPage(browser, page, "VIEWER"),
  ]);
  expect(
    (
      await page.request.patch(`/app/v1/organizations/${ORG}/projects/${project}`, {
        headers: STUDIO_ORIGIN,
        data: { owners: [projectOwner.id] },
      })
    ).status(),
  ).toBe(200);

  const expectations = [
    { who: "admin", member: admin, visibility: true, killSwitch: true, rateLimits: true },
    { who: "project owner", member: projectOwner, visibility: true, killSwitch: false, rateLimits: true },
    { who: "editor", member: editor, visibility: false, killSwitch: false, rateLimits: false },
    { who: "viewer", member: viewer, visibility: false, killSwitch: false, rateLimits: false },
  ];
  for (const { who, member, visibility, killSwitch, rateLimits } of expectations) {
    await test.step(who, async () => {
      const memberView = member.page;
      await memberView.goto(`/orgs/${ORG}/projects/${project}/settings`);
      const publicOption = memberView.getByRole("group", { name: "Visibility" }).getByRole("radio", { name: /Public/ });
      const killButton = section(memberView, "Kill switch").getByRole("button", { name: "Disable public access" });
      const burst = memberView.getByLabel("Anonymous burst per IP");
      if (visibility) await expect(publicOption).toBeEnabled();
      else {
        await expect(publicOption).toBeDisabled();
        await expect(memberView.getByText("Only Owners, Admins and this project's owners can change the visibility.")).toBeVisible();
      }
      if (killSwitch) await expect(killButton).toBeEnabled();
      else {
        await expect(killButton).toBeDisabled();
        await expect(memberView.getByText("Only Owners and Admins can use the kill switch.")).toBeVisible();
      }
      await (rateLimits ? expect(burst).toBeEnabled() : expect(burst).toBeDisabled());
    });
  }

  // A project owner changes the burst; a value over the bound is refused next to the field.
  const ownerView = projectOwner.page;
  const burst = ownerView.getByLabel("Anonymous burst per IP");
  await burst.fill("61");
  await ownerView.getByRole("button", { name: "Save rate limits" }).click();
  await expect(burst).toHaveAttribute("aria-invalid", "true");
  await expect(ownerView.getByText("Must be at most 60")).toBeVisible();
  await burst.fill("25");
  await ownerView.getByRole("button", { name: "Save rate limits" }).click();
  await expect(ownerView.getByText("Rate limits saved")).toBeVisible();
  const stored = (await (await page.request.get(`/app/v1/organizations/${ORG}/projects/${project}`)).json()) as {
    rateLimits: { anonymousBurst: number };
  };
  expect(stored.rateLimits.anonymousBurst).toBe(25);

  await Promise.all([admin, editor, viewer, projectOwner].map((member) => member.context.close()));
});
