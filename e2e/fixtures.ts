import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { demoTools } from "../lib/seed/demo-tools";

export function unique(prefix: string) {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

/**
 * The Origin a browser adds to the studio's own writes. Playwright's request API sends none, and
 * /app/v1 refuses a cookie-authenticated write without it (CSRF), as it would a cross-site one.
 */
export const STUDIO_ORIGIN = { origin: `http://localhost:${process.env.E2E_PORT ?? 3210}` };

export type Person = { name: string; email: string; password: string };

export function newPerson(name: string): Person {
  return { name, email: `${unique(name.toLowerCase())}@example.test`, password: "correct horse battery" };
}

export async function signUp(page: Page, person: Person) {
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Hashing the password is CPU work the server shares with both Chromium workers.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

/**
 * A fresh project of the demo organization with the demo's Data Tools (add_numbers,
 * convert_temperature), created through the admin API as the signed-in user of `request`. Specs
 * that change a project (visibility, kill switch, runs counted on a page) work in their own, so no
 * spec depends on what another did to the seeded acme/demo.
 */
export async function createProjectWithDemoTools(request: APIRequestContext, prefix: string): Promise<string> {
  const slug = unique(prefix);
  const base = `/app/v1/organizations/acme/projects`;
  const created = await request.post(base, { headers: STUDIO_ORIGIN, data: { slug, name: `${prefix} ${slug}` } });
  expect(created.status()).toBe(201);
  for (const tool of demoTools.filter((candidate) => candidate.kind === "DATA")) {
    const response = await request.post(`${base}/${slug}/tools`, {
      headers: STUDIO_ORIGIN,
      data: {
        name: tool.name,
        kind: "data",
        title: tool.title,
        description: tool.description,
        inputSchema: tool.inputSchema,
        annotations: tool.annotations,
        handler: tool.handler,
        presets: tool.presets,
      },
    });
    expect(response.status()).toBe(201);
  }
  return slug;
}
