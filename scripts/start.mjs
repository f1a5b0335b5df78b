// npm start: prepare the database, build when the sources changed, serve on PORT (3000).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
// next-auth builds its own redirects (sign-out, external providers) from NEXTAUTH_URL.
const publicUrl = process.env.ATELIER_URL || process.env.NEXTAUTH_URL || `http://localhost:${port}`;
// NEXT_MANUAL_SIG_HANDLE: on SIGTERM/SIGINT, instrumentation.ts (not Next) stops the server, so that
// buffered execution records are written before the process exits.
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: publicUrl, NEXT_MANUAL_SIG_HANDLE: "1" };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A digest of files and directories (recursively, test files left out) and of any extra strings. */
function digestOf(entries, extra = []) {
  const hash = createHash("sha256");
  const visit = (entry) => {
    const full = path.join(root, entry);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const child of readdirSync(full).sort()) visit(path.join(entry, child));
    } else if (!entry.includes(".test.")) {
      hash.update(entry).update(readFileSync(full));
    }
  };
  for (const entry of entries) visit(entry);
  for (const value of extra) hash.update(value);
  return hash.digest("hex");
}

// A digest of everything that goes into the build, so a pulled change rebuilds by itself.
function sourceDigest() {
  return digestOf([
    "app",
    "components",
    "lib",
    "public",
    "instrumentation.ts",
    "proxy.ts",
    "next.config.mjs",
    "postcss.config.mjs",
    "tsconfig.json",
    "package-lock.json",
  ]);
}

// The prepare step (scripts/prepare.ts: validate the configuration, apply migrations, seed demo data
// on first run) takes seconds, mostly loading TypeScript and opening the database. On the embedded
// default it is skipped when it would do nothing: the data directory's own marker says it was
// prepared with these migrations, this prepare step and this configuration. The marker lives in
// PGlite's directory, so a new or replaced database has none. On PostgreSQL it always runs, as
// before (another instance or a restored backup may have changed the database).
function preparedMarker() {
  if (env.DATABASE_URL) return null;
  const pglite = path.join(path.resolve(root, env.ATELIER_DATA_DIR || ".data"), "pglite");
  if (!existsSync(path.join(pglite, "PG_VERSION"))) return null;
  // The configuration prepare validates: every variable lib/env.ts declares.
  const declared = [...readFileSync(path.join(root, "lib", "env.ts"), "utf8").matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map(
    (match) => match[1],
  );
  const configuration = [...new Set(declared)].sort().map((name) => `${name}=${env[name] ?? ""}\n`);
  const digest = digestOf(["prisma/migrations", "scripts/prepare.ts", "lib/env.ts", "lib/seed"], configuration);
  return { file: path.join(pglite, "atelier-prepared"), digest };
}

const prepared = preparedMarker();
if (!prepared || !existsSync(prepared.file) || readFileSync(prepared.file, "utf8") !== prepared.digest) {
  // react-server: lib/ modules import "server-only", which only resolves to an empty module under that condition.
  run(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts", "prepare.ts")]);
  // Now that it exists (a first start creates it), the database's marker.
  const done = preparedMarker();
  if (done) writeFileSync(done.file, done.digest);
} else {
  console.log(`Database: embedded PGlite in ${path.dirname(path.dirname(prepared.file))} (migrations and configuration unchanged)`);
}

const marker = path.join(root, ".next", "atelier-source-digest");
const digest = sourceDigest();
if (!existsSync(marker) || readFileSync(marker, "utf8") !== digest) {
  console.log("Building the studio (first start or sources changed)…");
  run(bin("next"), ["build"]);
  writeFileSync(marker, digest);
}

console.log(`\nAtelier is running at ${publicUrl}\n`);
// The server runs in this process (scripts/server.mjs: Next.js as a custom server), with the
// environment the build and prepare steps had.
Object.assign(process.env, env);
await import("./server.mjs");
