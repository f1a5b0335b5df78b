// A team working in the studio, in an organization and project of its own (not the shared demo):
// the test panel runs as the signed-in Editor in two tabs while a host keeps using the draft token;
// unsaved edits survive a click on the sidebar; Discard changes puts a tool back as published;
// pending invitations can be copied and revoked; and role changes are confirmed first.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { newPerson, signUp, STUDIO_ORIGIN, unique, type Person } from "./fixtures";

test.describe.configure({ mode: "serial" });

const owner = newPerson("Owen");
const editor = newPerson("Edith");
const org = unique("team");
const project = "helpdesk";
const TOOL = "greet";
const PUBLISHED_HANDLER = 'async (props) => ({ greeting: "hello from " + (props.who ?? "nobody") })';
const api = `/app/v1/organizations/${org}/projects/${project}`;

let ownerContext: BrowserContext;
let editorContext: BrowserContext;
let ownerPage: Page;
let hostDraftToken = "";

async function signedUp(browser: Browser, person: Person) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up");
  await signUp(page, person);
  await expect(page).toHaveURL(/\/orgs\/new/);
  return { context, page };
}

async function post(page: Page, path: string, data: unknown = {}) {
  const response = await page.request.post(path, { headers: STUDIO_ORIGIN, data });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

/** What a host sends: tools/call on the draft endpoint with the project's draft token. */
async function hostCall(page: Page) {
  const response = await page.request.post(`/mcp/${org}/${project}/draft`, {
    headers: {
      Authorization: `Bearer ${hostDraftToken}`,
      Accept: "application/json, text/event-stream",
      "MCP-Protocol-Version": "2025-11-25",
    },
    data: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: TOOL, arguments: { who: "a host" } } },
  });
  return { status: response.status(), text: await response.text() };
}

test.beforeAll(async ({ browser }) => {
  ({ context: ownerContext, page: ownerPage } = await signedUp(browser, owner));
  await post(ownerPage, "/app/v1/organizations", { slug: org, name: `Team ${org}` });
  await post(ownerPage, `/app/v1/organizations/${org}/projects`, { slug: project, name: "Helpdesk" });
  await post(ownerPage, `${api}/tools`, {
    name: TOOL,
    kind: "data",
    inputSchema: { type: "object", properties: { who: { type: "string" } } },
    handler: PUBLISHED_HANDLER,
  });
  await post(ownerPage, `${api}/publish`, { changelog: "First version" });
  hostDraftToken = (await post(ownerPage, `${api}/draft-token`)).token;

  let editorPage: Page;
  ({ context: editorContext, page: editorPage } = await signedUp(browser, editor));
  const invitation = await post(ownerPage, `/app/v1/organizations/${org}/invitations`, { email: editor.email, role: "EDITOR" });
  const token = String(invitation.link).split("/").pop();
  await post(editorPage, `/app/v1/invitations/${token}/accept`);
  await editorPage.close();
});

test.afterAll(async () => {
  await ownerContext?.close();
  await editorContext?.close();
});

async function runInPanel(page: Page) {
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  const result = panel.getByRole("region", { name: "Result" });
  await expect(result.getByText("Success")).toBeVisible();
  await expect(result.getByText(/hello from nobody/).first()).toBeVisible();
}

test("an Editor runs the test panel in two tabs while a host keeps its draft token", async () => {
  const first = await editorContext.newPage();
  const second = await editorContext.newPage();
  for (const tab of [first, second]) await tab.goto(`/orgs/${org}/projects/${project}/tools/${TOOL}`);
  // No token to paste and nothing to rotate: the panel connects as the signed-in Editor.
  for (const tab of [first, second]) {
    await expect(tab.getByRole("complementary", { name: "Test panel" }).getByRole("button", { name: "Rotate and connect" })).toHaveCount(0);
  }
  await runInPanel(first);
  await runInPanel(second);
  await runInPanel(first);

  const host = await hostCall(ownerPage);
  expect(host.status).toBe(200);
  expect(host.text).toContain("hello from a host");

  // The runs are recorded as the Editor, through the test panel.
  await ownerPage.goto(`/orgs/${org}/projects/${project}/executions`);
  const calls = ownerPage.getByRole("table", { name: "Tool calls, newest first" });
  await expect(
    calls
      .getByRole("row")
      .filter({ hasText: `Atelier test panel for ${editor.email}` })
      .first(),
  ).toBeVisible({ timeout: 20_000 });
  await first.close();
  await second.close();
});

test("unsaved edits are kept when a sidebar link is clicked, unless the user chooses to leave", async () => {
  const page = await editorContext.newPage();
  const toolUrl = `/orgs/${org}/projects/${project}/tools/${TOOL}`;
  await page.goto(toolUrl);
  const code = page.getByRole("textbox", { name: "Handler code" });
  await code.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" // unsaved");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  const sidebar = page.getByRole("navigation", { name: "Project" });
  await sidebar.getByRole("link", { name: "History" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(new URL(page.url()).pathname).toBe(toolUrl);
  await expect(code).toContainText("// unsaved");

  await sidebar.getByRole("link", { name: "History" }).click();
  await page.getByRole("dialog", { name: "Leave without saving?" }).getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/history$`));

  // The Instructions editor guards the same way.
  await page.goto(`/orgs/${org}/projects/${project}`);
  await page.getByLabel("Instructions").fill("Answer support questions.");
  await sidebar.getByRole("link", { name: "Executions" }).click();
  await expect(page.getByRole("dialog", { name: "Leave without saving?" })).toBeVisible();
  await page.getByRole("dialog", { name: "Leave without saving?" }).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Instructions")).toHaveValue("Answer support questions.");
  await page.close();
});

test("Discard changes lists what will be lost and puts the tool back as published", async () => {
  const page = await editorContext.newPage();
  const changed = await page.request.patch(`${api}/tools/${TOOL}`, {
    headers: STUDIO_ORIGIN,
    data: { handler: 'async () => ({ greeting: "changed in the draft" })' },
  });
  expect(changed.ok()).toBe(true);
  await page.goto(`/orgs/${org}/projects/${project}/tools/${TOOL}`);
  await expect(page.getByRole("textbox", { name: "Handler code" })).toContainText("changed in the draft");

  await page.getByRole("button", { name: "Discard changes…" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard changes?" });
  await expect(dialog.getByRole("list", { name: "What will be lost" })).toContainText(`Tool ${TOOL}: your changes since 1.0.0 are lost`);
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("textbox", { name: "Handler code" })).toContainText("hello from");

  const tool = await (await page.request.get(`${api}/tools/${TOOL}`)).json();
  expect(tool.handler).toBe(PUBLISHED_HANDLER);
  await page.close();
});

test("pending invitations show their expiry, copy the same link again, and can be revoked", async () => {
  const invitee = `${unique("invitee")}@example.test`;
  await ownerPage.goto(`/orgs/${org}/settings/members`);
  await ownerPage.getByRole("button", { name: "Invite member" }).click();
  const invite = ownerPage.getByRole("dialog");
  await invite.getByLabel("Email").fill(invitee);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  // No SMTP server in this run: the dialog says nothing was emailed and gives the link.
  await expect(invite.getByText("nothing was sent")).toBeVisible();
  const link = await invite.getByLabel("Invitation link").inputValue();
  await invite.getByRole("button", { name: "Done" }).click();

  const row = ownerPage.getByRole("listitem", { name: invitee });
  await expect(row).toContainText("Expires");
  await row.getByRole("button", { name: "Copy link" }).click();
  const shown = ownerPage.getByRole("dialog", { name: "Invitation link" });
  await expect(shown.getByLabel("Invitation link")).toHaveValue(link);
  await shown.getByRole("button", { name: "Done" }).click();

  await row.getByRole("button", { name: "Revoke" }).click();
  await ownerPage
    .getByRole("dialog", { name: `Revoke the invitation for ${invitee}?` })
    .getByRole("button", { name: "Revoke invitation" })
    .click();
  await expect(row).toHaveCount(0);
  const token = link.split("/").pop();
  const accept = await editorContext.request.post(`/app/v1/invitations/${token}/accept`, { headers: STUDIO_ORIGIN });
  expect(accept.status()).toBe(404);
});

test("changing a role asks first, and making someone Owner warns what it hands over", async () => {
  await ownerPage.goto(`/orgs/${org}/settings/members`);
  const role = ownerPage.getByLabel(`Role for ${editor.email}`);
  await role.selectOption("OWNER");
  const toOwner = ownerPage.getByRole("dialog", { name: `Make ${editor.name} an Owner?` });
  await expect(toOwner).toContainText("Owners can do everything");
  await toOwner.getByRole("button", { name: "Cancel" }).click();
  await expect(role).toHaveValue("EDITOR");
  const members = await (await ownerPage.request.get(`/app/v1/organizations/${org}/members`)).json();
  expect(members.data.find((member: { user: { email: string } }) => member.user.email === editor.email).role).toBe("EDITOR");

  await role.selectOption("ADMIN");
  const toAdmin = ownerPage.getByRole("dialog", { name: `Change ${editor.name}'s role to Admin?` });
  await toAdmin.getByRole("button", { name: "Change role" }).click();
  await expect(toAdmin).toBeHidden();
  await expect(role).toHaveValue("ADMIN");
});

test("a member who loses the right to test is cut off on the next run, while the host keeps working", async () => {
  const tab = await editorContext.newPage();
  await tab.goto(`/orgs/${org}/projects/${project}/tools/${TOOL}`);
  await runInPanel(tab);

  const members = await (await ownerPage.request.get(`/app/v1/organizations/${org}/members`)).json();
  const member = members.data.find((candidate: { user: { email: string } }) => candidate.user.email === editor.email);
  const demoted = await ownerPage.request.patch(`/app/v1/organizations/${org}/members/${member.userId}`, {
    headers: STUDIO_ORIGIN,
    data: { role: "VIEWER" },
  });
  expect(demoted.ok()).toBe(true);

  const panel = tab.getByRole("complementary", { name: "Test panel" });
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await expect(panel.getByRole("alert").filter({ hasText: "The test panel could not connect" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Run", exact: true })).toHaveCount(0);

  const host = await hostCall(ownerPage);
  expect(host.status).toBe(200);
  await tab.close();
});
