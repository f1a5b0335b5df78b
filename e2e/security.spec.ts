// Issue 12, in a real browser: a page on another port of the same host (same site, so the session
// cookie goes along) cannot write through the studio API; signing out ends the session on the
// server; "Sign out everywhere" signs out every browser of the account.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, expect, test } from "@playwright/test";
import { newPerson, signUp, STUDIO_ORIGIN, unique } from "./fixtures";

type Token = { name: string };

/** A new account with its own organization, signed in in its own browser context. */
async function newSignedInUser(browser: Browser) {
  const person = newPerson("Sam");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up");
  await signUp(page, person);
  await expect(page).toHaveURL(/\/orgs\/new/);
  const slug = unique("sec");
  const created = await page.request.post("/app/v1/organizations", { headers: STUDIO_ORIGIN, data: { slug, name: "Security" } });
  expect(created.status()).toBe(201);
  return { person, context, page, slug };
}

/** A page on another origin (another port of localhost) that tries to write with the visitor's cookie. */
function attackerSite(studio: string): Promise<Server> {
  const html = `<!doctype html><title>loading</title>
<form id="form" method="POST" action="${studio}/app/v1/me/tokens" enctype="text/plain" target="sink">
  <input name='{"name":"planted by form","x":"' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  fetch("${studio}/app/v1/me/tokens", {
    method: "POST", mode: "no-cors", credentials: "include",
    headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "planted by fetch" }),
  }).finally(() => {
    document.querySelector("iframe").addEventListener("load", () => { document.title = "done"; });
    document.getElementById("form").submit();
  });
</script>`;
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end(html));
  return new Promise((resolve) => server.listen(0, "localhost", () => resolve(server)));
}

test("a page on another port of the same host cannot create an API token with the visitor's session", async ({ browser, baseURL }) => {
  const { context, page } = await newSignedInUser(browser);
  const attacker = await attackerSite(baseURL!);
  try {
    await page.goto(`http://localhost:${(attacker.address() as AddressInfo).port}/`);
    await expect(page).toHaveTitle("done");
    const tokens = (await (await page.request.get("/app/v1/me/tokens")).json()) as { data: Token[] };
    expect(tokens.data.map((token) => token.name)).toEqual([]);
    // The studio's own page still can.
    const own = await page.request.post("/app/v1/me/tokens", { headers: STUDIO_ORIGIN, data: { name: "mine" } });
    expect(own.status()).toBe(201);
  } finally {
    attacker.close();
    await context.close();
  }
});

test("a session cookie copied before sign-out is refused after it", async ({ browser, playwright, baseURL }) => {
  const { context, page, slug } = await newSignedInUser(browser);
  const cookies = await context.cookies();
  const copy = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  expect((await copy.get("/app/v1/me")).status()).toBe(200);

  await page.goto(`/orgs/${slug}`);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  expect((await copy.get("/app/v1/me")).status()).toBe(401);
  await copy.dispose();
  await context.close();
});

test("Sign out everywhere, in the account settings, signs out every browser of the account", async ({ browser }) => {
  const { person, context, page, slug } = await newSignedInUser(browser);
  const other = await browser.newContext({ storageState: await context.storageState() });
  const otherPage = await other.newPage();
  await otherPage.goto(`/orgs/${slug}`);
  await expect(otherPage).toHaveURL(new RegExp(`/orgs/${slug}$`));

  await page.goto(`/orgs/${slug}`);
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.getByText(person.email)).toBeVisible();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
  await context.close();
});
