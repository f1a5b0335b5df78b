// Studio bundles, measured: how long a cold page takes to be usable, and how much JavaScript it fetched.
//
// Starts the production build on the embedded default (fresh data directory, demo data), signs in
// as the demo user in Chromium, then opens each page BENCH_BUNDLES_REPEAT times, each time in a
// fresh browser context (the session cookie only: no HTTP cache, no service worker, nothing warm):
//   - tool editor: the demo project's add_numbers; interactive when the handler's code editor has
//     taken a typed character (hydrated and CodeMirror loaded), timed in the page when the character
//     is in the editor (not when Playwright's polling notices); "editor shown" is when CodeMirror
//     replaced the plain-text placeholder;
//   - Executions: interactive when its filters can be used and no loading state is left.
// Prints the time from navigation start to interactive (in the page's clock) and the JavaScript the
// page fetched until then: gzipped bytes as transferred, and the number of scripts.
//
//   npm run build && tsx scripts/bench-bundles.ts
import { rmSync } from "node:fs";
import os from "node:os";
import { type BrowserContext, chromium, type Page } from "@playwright/test";
import { startStudio } from "./bench/studio";

const PORT = Number(process.env.BENCH_BUNDLES_PORT ?? 3402);
const REPEAT = Number(process.env.BENCH_BUNDLES_REPEAT ?? 5);
const PASSWORD = "bench-bundles-password";
const base = `http://localhost:${PORT}`;
const project = "/orgs/acme/projects/demo";

type Target = {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
  /** Runs in the page before its own scripts; sets window.__readyAt / __shownAt in the page's clock. */
  marks?: () => void;
};
type Marks = { __readyAt?: number; __shownAt?: number };

const TARGETS: Target[] = [
  {
    name: "tool editor (add_numbers)",
    path: `${project}/tools/add_numbers`,
    ready: async (page) => {
      // Click where the editor is as soon as it is on screen, as a person would: a locator's click
      // first waits for its retries (backing off to 500 ms between attempts) and for two animation
      // frames without movement, which would time Playwright's schedule rather than the page.
      const at = await page.waitForFunction(
        () => {
          const box = document.querySelector('.cm-content[aria-label="Handler code"]')?.getBoundingClientRect();
          return box ? { x: box.x + Math.min(box.width / 2, 200), y: box.y + 10 } : null;
        },
        undefined,
        { polling: "raf" },
      );
      const point = await at.jsonValue();
      if (!point) throw new Error("The handler's editor went away");
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press("End");
      await page.keyboard.type("/");
      await page.waitForFunction(() => (window as Marks).__readyAt !== undefined);
    },
    marks: () => {
      const marks = window as Marks;
      const observer = new MutationObserver(() => {
        const editor = document.querySelector('.cm-content[aria-label="Handler code"]');
        if (!editor) return;
        marks.__shownAt ??= performance.now();
        if (editor.textContent?.includes("/")) {
          marks.__readyAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    },
  },
  {
    name: "Executions",
    path: `${project}/executions`,
    ready: async (page) => {
      await page.getByRole("heading", { name: "Executions" }).waitFor();
      await page.getByLabel("Tool", { exact: true }).selectOption({ index: 0 });
      await page.waitForFunction(() => !document.querySelector("[data-loading-region]"));
    },
  },
];

async function measure(context: BrowserContext, target: Target) {
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() === "script") scripts.push(request.sizes().then((sizes) => sizes.responseBodySize));
  });
  if (target.marks) await page.addInitScript(target.marks);
  await page.goto(`${base}${target.path}`, { waitUntil: "commit" });
  await target.ready(page);
  const { ms, shown } = await page.evaluate(() => {
    const marks = window as Marks;
    return { ms: marks.__readyAt ?? performance.now(), shown: marks.__shownAt };
  });
  const bytes = (await Promise.all(scripts)).reduce((total, size) => total + size, 0);
  const count = scripts.length;
  await page.close();
  return { ms, shown, kb: bytes / 1024, count };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

// The browser first: if it cannot start, no server is left running.
// Chromium's headless mode builds its omnibox popup (a WebUI renderer) for every new window: about
// a quarter second of a core during the page's first second, on a 2-core machine shared with the
// server. A user's browser did that long before they opened the studio, so it is turned off here.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-features=WebUIOmniboxPopup"],
});
const atelier = await startStudio({ port: PORT, demoPassword: PASSWORD, dataDirPrefix: "atelier-bench-bundles-" }).catch(
  async (error: unknown) => {
    await browser.close();
    throw error;
  },
);
try {
  const signIn = await browser.newContext();
  const page = await signIn.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("demo@atelier.local");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const storageState = await signIn.storageState();
  await signIn.close();

  const results = new Map<string, Array<Awaited<ReturnType<typeof measure>>>>();
  // A warm-up visit of each page first (the server's own first-render work), not counted.
  for (let run = 0; run <= REPEAT; run++) {
    for (const target of TARGETS) {
      const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
      const result = await measure(context, target);
      await context.close();
      if (run > 0) results.set(target.name, [...(results.get(target.name) ?? []), result]);
    }
  }
  console.log(`\nCold page loads (production build, Chromium, fresh context each; load ${os.loadavg()[0].toFixed(2)}):`);
  console.table(
    Object.fromEntries(
      [...results].map(([name, runs]) => [
        name,
        {
          "interactive p50": `${median(runs.map((run) => run.ms)).toFixed(0)} ms`,
          "interactive max": `${Math.max(...runs.map((run) => run.ms)).toFixed(0)} ms`,
          "editor shown p50": runs[0]?.shown === undefined ? "" : `${median(runs.map((run) => run.shown ?? Number.NaN)).toFixed(0)} ms`,
          "JS transferred": `${median(runs.map((run) => run.kb)).toFixed(0)} KB`,
          scripts: median(runs.map((run) => run.count)),
        },
      ]),
    ),
  );
} finally {
  await browser.close();
  atelier.child.kill("SIGTERM");
  await atelier.exited;
  rmSync(atelier.dataDir, { recursive: true, force: true });
}
