import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

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
  await expect(page).not.toHaveURL(/\/sign-in/);
}
