// Releases you can trust (issue 16): a maintainer saves a test case from the test panel, breaks the
// tool, sees the required publish gate block Publish with the failing expectation, fixes the tool
// and publishes. Works in its own fresh project of the demo organization.
import { expect, type Page, type Route, test } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../playwright.config";
import { signIn, STUDIO_ORIGIN, unique } from "./fixtures";

const ORG = "acme";
const TOOL = "convert_price";
const GOOD = "async ({ amount }) => ({ cents: Math.round(amount * 100) })";
const BROKEN = "async ({ amount }) => ({ cents: String(Math.round(amount * 100)) })";

// A cold production server opens the embedded database and loads route modules on its first
// requests (seconds on a small machine): do that once, before any step with a timeout.
test.beforeAll(async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "demo@atelier.local", password: E2E_DEMO_PASSWORD, json: "true" },
  });
  expect((await request.get(`/orgs/${ORG}`)).ok()).toBe(true);
});

test.beforeEach(async ({ page }) => {
  await signIn(page, "demo@atelier.local", E2E_DEMO_PASSWORD);
});

async function replaceEditorText(page: Page, editorName: string, text: string) {
  await page.getByRole("textbox", { name: editorName }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

async function saveHandler(page: Page, handler: string) {
  await replaceEditorText(page, "Handler code", handler);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
}

test("a case saved from the test panel gates Publish: blocked while the tool is broken, published once fixed", async ({ page }) => {
  const project = unique("gates");
  const api = `/app/v1/organizations/${ORG}/projects/${project}`;
  expect(
    (
      await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
        headers: STUDIO_ORIGIN,
        data: { slug: project, name: `Gates ${project}` },
      })
    ).status(),
  ).toBe(201);
  const created = await page.request.post(`${api}/tools`, {
    headers: STUDIO_ORIGIN,
    data: {
      name: TOOL,
      kind: "data",
      inputSchema: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] },
      handler: GOOD,
    },
  });
  expect(created.status()).toBe(201);

  // The gate is a project setting on the Tests page.
  await page.goto(`/orgs/${ORG}/projects/${project}/tests`);
  await expect(page.getByText("No test cases yet")).toBeVisible();
  await page.getByLabel("Publish gate").selectOption("required");
  await expect(page.getByLabel("Publish gate")).toHaveValue("required");
  await expect.poll(async () => (await (await page.request.get(`${api}/test-gate`)).json()).testGate).toBe("required");

  // Run the tool in the test panel and save what it returned as a case.
  await page.goto(`/orgs/${ORG}/projects/${project}/tools/${TOOL}`);
  const panel = page.getByRole("complementary", { name: "Test panel" });
  await panel.getByLabel("amount", { exact: true }).fill("1.5");
  await panel.getByRole("button", { name: "Run", exact: true }).click();
  await expect(panel.getByRole("region", { name: "Result" }).getByText(/"cents": 150/)).toBeVisible();
  await panel.getByLabel("Test case name").fill("one-fifty");
  await panel.getByRole("button", { name: "Save as test case" }).click();
  await expect(panel.getByText('Saved "one-fifty": expects this result.')).toBeVisible();

  // Break the tool: the case now fails, and the gate keeps Publish disabled.
  await saveHandler(page, BROKEN);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish to production" });
  await expect(dialog.getByText("1 of 1 test cases fail on the draft")).toBeVisible();
  await expect(dialog.getByText('/cents: expected a number (150), got a string ("150")').first()).toBeVisible();
  await dialog.getByLabel("Changelog").fill("First release");
  await expect(dialog.getByRole("button", { name: "Publish version" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Fix it: the suite passes and Publish goes through.
  await saveHandler(page, GOOD);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog.getByText("All 1 test cases pass on the draft.")).toBeVisible();
  await dialog.getByLabel("Changelog").fill("First release");
  await dialog.getByRole("button", { name: "Publish version" }).click();
  await expect(dialog.getByText("Published v1.0.0")).toBeVisible();
  // One run of the suite per opening of the dialog: Publish reused the dialog's run instead of running it again.
  const runs = (await (await page.request.get(`${api}/test-runs`)).json()) as { runs: Array<{ environment: string }> };
  expect(runs.runs.map((run) => run.environment)).toEqual(["draft", "draft"]);

  // The Tests page lists the case with its last result.
  await page.goto(`/orgs/${ORG}/projects/${project}/tests`);
  await expect(page.getByRole("list", { name: "Test cases" }).getByText(`${TOOL} · one-fifty`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Test cases" }).getByText("Passed")).toBeVisible();
});

/**
 * A fresh project with one tool and one passing case, through the admin API: its gate set to
 * `gate`, published once when `publish` (then its description changed, so there is a draft to publish).
 */
async function projectWithCase(page: Page, gate: "off" | "advisory" | "required", options: { publish: boolean }) {
  const project = unique("gates");
  const api = `/app/v1/organizations/${ORG}/projects/${project}`;
  const write = async (method: "post" | "put" | "patch", path: string, data: unknown, status: number) =>
    expect((await page.request[method](`${api}${path}`, { headers: STUDIO_ORIGIN, data })).status()).toBe(status);
  expect(
    (
      await page.request.post(`/app/v1/organizations/${ORG}/projects`, {
        headers: STUDIO_ORIGIN,
        data: { slug: project, name: `Gates ${project}` },
      })
    ).status(),
  ).toBe(201);
  await write(
    "post",
    "/tools",
    {
      name: TOOL,
      kind: "data",
      inputSchema: { type: "object", properties: { amount: { type: "number" } }, required: ["amount"] },
      handler: GOOD,
    },
    201,
  );
  await write(
    "post",
    `/tools/${TOOL}/test-cases`,
    { name: "one-fifty", input: { amount: 1.5 }, expectations: [{ kind: "structuredEquals", value: { cents: 150 } }] },
    201,
  );
  await write("put", "/test-gate", { testGate: gate }, 200);
  if (options.publish) {
    await write("post", "/publish", { changelog: "First release" }, 201);
    await write("patch", `/tools/${TOOL}`, { description: "Converts a price to cents." }, 200);
  }
  return { project, api };
}

/** A route handler that answers `method` requests with a 500 carrying `message` and lets the others through. */
function failWith500(method: string, message: string) {
  return (route: Route) =>
    route.request().method() === method ? route.fulfill({ status: 500, json: { error: { code: "internal", message } } }) : route.fallback();
}

async function draftRunCount(page: Page, api: string) {
  const runs = (await (await page.request.get(`${api}/test-runs`)).json()) as { runs: Array<{ environment: string }> };
  return runs.runs.filter((run) => run.environment === "draft").length;
}

test("gate off: a draft run that fails shows its error beside the behaviour changes, and Try again runs it again", async ({ page }) => {
  const { project, api } = await projectWithCase(page, "off", { publish: true });
  await page.goto(`/orgs/${ORG}/projects/${project}/tools/${TOOL}`);
  // The dialog's run of the suite on the draft fails (the server answers 500).
  const failRuns = failWith500("POST", "The test run failed.");
  await page.route(`**${api}/test-runs`, failRuns);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish to production" });
  const alert = dialog.getByRole("alert").filter({ hasText: "Could not run the test cases on the draft" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("The test run failed.");
  await expect(dialog.getByText("Running the test cases on production and on the draft…")).toHaveCount(0);

  await page.unroute(`**${api}/test-runs`, failRuns);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(dialog.getByText("All 1 test cases behave on the draft as on production (v1.0.0).")).toBeVisible();
  expect(await draftRunCount(page, api)).toBe(1);
});

test("the test gate failing to load shows an error with Try again instead of running forever", async ({ page }) => {
  const { project, api } = await projectWithCase(page, "advisory", { publish: true });
  await page.goto(`/orgs/${ORG}/projects/${project}/tools/${TOOL}`);
  const failGate = failWith500("GET", "The gate could not be read.");
  await page.route(`**${api}/test-gate`, failGate);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish to production" });
  const alert = dialog.getByRole("alert").filter({ hasText: "Could not load the project's test gate" });
  await expect(alert).toBeVisible();
  await expect(dialog.getByText("Running the test cases on production and on the draft…")).toHaveCount(0);

  await page.unroute(`**${api}/test-gate`, failGate);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(dialog.getByText("All 1 test cases pass on the draft.")).toBeVisible();
  await expect(dialog.getByText("All 1 test cases behave on the draft as on production (v1.0.0).")).toBeVisible();
});

test("Refresh after a refused publish runs the suite on the draft again: the gate shows the draft as it is now", async ({ page }) => {
  const { project, api } = await projectWithCase(page, "required", { publish: false });
  await page.goto(`/orgs/${ORG}/projects/${project}/tools/${TOOL}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish to production" });
  await expect(dialog.getByText("All 1 test cases pass on the draft.")).toBeVisible();

  // Someone else breaks the tool meanwhile: the server's gate refuses the publish (409).
  expect((await page.request.patch(`${api}/tools/${TOOL}`, { headers: STUDIO_ORIGIN, data: { handler: BROKEN } })).status()).toBe(200);
  await dialog.getByLabel("Changelog").fill("First release");
  await dialog.getByRole("button", { name: "Publish version" }).click();
  const refused = dialog.getByRole("alert").filter({ hasText: "Not published" });
  await expect(refused).toBeVisible();
  const before = await draftRunCount(page, api);

  await refused.getByRole("button", { name: "Refresh the preview" }).click();
  await expect(dialog.getByText("1 of 1 test cases fail on the draft")).toBeVisible();
  await expect(dialog.getByText("All 1 test cases pass on the draft.")).toHaveCount(0);
  expect(await draftRunCount(page, api)).toBe(before + 1);
  await expect(dialog.getByRole("button", { name: "Publish version" })).toBeDisabled();
});
