// npm start: prepare the database, build when the sources changed, serve on PORT (3000).
import { spawnSync, spawn } from "node:child_process";
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

// A digest of everything that goes into the build, so a pulled change rebuilds by itself.
function sourceDigest() {
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
  for (const entry of [
    "app",
    "components",
    "lib",
    "public",
    "proxy.ts",
    "next.config.mjs",
    "postcss.config.mjs",
    "tsconfig.json",
    "package-lock.json",
  ])
    visit(entry);
  return hash.digest("hex");
}

// react-server: lib/ modules import "server-only", which only resolves to an empty module under that condition.
run(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts", "prepare.ts")]);

const marker = path.join(root, ".next", "atelier-source-digest");
const digest = sourceDigest();
if (!existsSync(marker) || readFileSync(marker, "utf8") !== digest) {
  console.log("Building the studio (first start or sources changed)…");
  run(bin("next"), ["build"]);
  writeFileSync(marker, digest);
}

console.log(`\nAtelier is running at ${publicUrl}\n`);
// Idle keep-alive connections stay open 65 s (Node's default is 5 s): longer than a load balancer's
// or a client's own idle timeout (60 s is common), so a client never reuses a socket the server is
// closing at that instant, which it would see as ECONNRESET.
const server = spawn(bin("next"), ["start", "-p", port, "--keepAliveTimeout", "65000"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
