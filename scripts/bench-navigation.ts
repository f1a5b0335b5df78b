// npm run bench (second part) — how fast the studio's sidebar answers a click.
//
// Starts the production build on the embedded default (fresh data directory, demo data), signs in
// as the demo user in Chromium and clicks through the demo project's sidebar, several rounds. Each
// click is timed inside the page, from the click to:
//   - "answer": the address changes and the new section is on screen, either its loading state
//     (prefetched) or its content;
//   - "content": the section's own content, with no loading state left.
// Prints p50/p90/max per measure over all clicks. The first round is a warm-up and not counted.
import { rmSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { startStudio } from "./bench/studio";

const PORT = Number(process.env.BENCH_NAV_PORT ?? 3401);
const ROUNDS = Number(process.env.BENCH_NAV_ROUNDS ?? 4);
const PASSWORD = "bench-navigation-password";
const base = `http://localhost:${PORT}`;
const project = "/orgs/acme/projects/demo";
const SECTIONS = ["", "/ui-tools", "/data-tools", "/components", "/server", "/history", "/executions", "/settings"];

/**
 * One sidebar click, timed in the page with requestAnimationFrame (no round trips to the driver).
 * Passed as source text: tsx would wrap a function's inner helpers in its own `__name`, which the
 * page does not have.
 */
const CLICK_AND_TIME = `(target) => {
  const link = document.querySelector('nav[aria-label="Project"] a[href="' + target + '"]');
  if (!link) throw new Error("No sidebar link to " + target);
  const start = performance.now();
  link.click();
  return new Promise((resolve) => {
    let answer = null;
    const tick = () => {
      const now = performance.now() - start;
      if (answer === null && window.location.pathname === target) answer = now;
      if (answer !== null && !document.querySelector("[data-loading-region]")) resolve({ answer, content: now });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}`;

function clickAndTime(page: Page, href: string): Promise<{ answer: number; content: number }> {
  return page.evaluate(`(${CLICK_AND_TIME})(${JSON.stringify(href)})`);
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return { clicks: sorted.length, p50: ms(at(0.5)), p90: ms(at(0.9)), max: ms(sorted.at(-1) ?? Number.NaN) };
}

const atelier = await startStudio({ port: PORT, demoPassword: PASSWORD, dataDirPrefix: "atelier-bench-nav-" });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("demo@atelier.local");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.goto(`${base}${project}`);

  const answers: number[] = [];
  const contents: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const section of [...SECTIONS.slice(1), SECTIONS[0]]) {
      // Links prefetch when they enter the viewport; let that finish, as it would for a person reading the page.
      await page.waitForLoadState("networkidle");
      const { answer, content } = await clickAndTime(page, `${project}${section}`);
      if (round === 0) continue;
      answers.push(answer);
      contents.push(content);
    }
  }
  console.log("\nSidebar navigation in the demo project (production build, Chromium, 1440×900):");
  console.table({ "click → section on screen": summary(answers), "click → content loaded": summary(contents) });
} finally {
  await browser.close();
  atelier.child.kill("SIGTERM");
  await atelier.exited;
  rmSync(atelier.dataDir, { recursive: true, force: true });
}
