// Restart to first answer: how long `npm start` takes, on an existing data directory with a current
// build, from spawning it to the first successful MCP tools/list (draft token) answer.
//
//   tsx scripts/bench-restart.ts        (BENCH_RESTARTS=3, BENCH_RESTART_PORT=3432)
//
// A first start prepares a fresh data directory (migrations, demo data) and builds if the sources
// changed; it is not counted. Then the instance is stopped (SIGTERM) and started again
// BENCH_RESTARTS times, each timed. A start that fails or never answers fails the bench.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 3);
const PORT = Number(process.env.BENCH_RESTART_PORT ?? 3432);
const root = path.resolve(import.meta.dirname, "..");
const endpoint = `http://localhost:${PORT}/mcp/acme/demo/draft`;

type Started = { output: () => string; stop: () => Promise<void> };

function start(dataDir: string): Started {
  const env = { ...process.env, PORT: String(PORT), ATELIER_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" };
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    output: () => {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      return output;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** One lean tools/list (2025-era, stateless): true once it answers with the demo project's tools. */
async function listTools(token: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
        "MCP-Protocol-Version": "2025-06-18",
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
    });
    const text = await response.text();
    if (response.status !== 200) return false;
    const json = text.trim().startsWith("{")
      ? text
      : (text
          .split("\n")
          .find((line) => line.startsWith("data: "))
          ?.slice(6) ?? "{}");
    const tools = (JSON.parse(json) as { result?: { tools?: unknown[] } }).result?.tools;
    return Array.isArray(tools) && tools.length > 0;
  } catch {
    return false; // not listening yet
  }
}

/** Milliseconds from now until tools/list answers (polled every 25 ms). */
async function untilFirstAnswer(instance: Started, token: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    instance.output();
    if (await listTools(token)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`No tools/list answer within ${timeoutMs / 1000} s:\n${instance.output()}`);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-restart-"));
try {
  const first = start(dataDir);
  let token: string | undefined;
  const deadline = Date.now() + 900_000;
  while (!token && Date.now() < deadline) {
    token = /Bearer (atl_draft_\S+)/.exec(first.output())?.[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!token) throw new Error("The first start printed no draft token");
  await untilFirstAnswer(first, token, 900_000);
  await first.stop();

  const times: number[] = [];
  for (let run = 0; run < RESTARTS; run++) {
    const instance = start(dataDir);
    try {
      times.push(await untilFirstAnswer(instance, token, 120_000));
    } finally {
      await instance.stop();
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `Restart to first MCP answer (npm start → tools/list, existing data directory, ${RESTARTS} restarts): ` +
      `median ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s, ` +
      `each ${times.map((time) => (time / 1000).toFixed(2)).join(" / ")} s ` +
      `(load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")})`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
