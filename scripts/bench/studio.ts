// Starts the studio the way users do (`node scripts/start.mjs`) on a fresh embedded data directory,
// for the benches that drive it in a browser (bench-bundles, bench-navigation).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export async function startStudio(options: { port: number; demoPassword: string; dataDirPrefix: string }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), options.dataDirPrefix));
  const env = {
    ...process.env,
    PORT: String(options.port),
    ATELIER_DATA_DIR: dataDir,
    ATELIER_DEMO_PASSWORD: options.demoPassword,
    DATABASE_URL: "",
    REDIS_URL: "",
  };
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (/Ready in|started server|Local:/i.test(output)) return { child, dataDir, exited };
    if (child.exitCode !== null) throw new Error(`Atelier exited early:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("Atelier did not start within 10 minutes");
}
