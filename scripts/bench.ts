// npm run bench — the MCP hot path, measured.
//
// Three servers side by side, in one run, each in its own process:
// - Atelier, started the way users start it (`node scripts/start.mjs`, fresh data directory, demo
//   data), its demo project's draft endpoint and its trivial Data Tool `add_numbers`;
// - mcp-handler: Vercel's adapter in a minimal Next.js 16 route with the same tool
//   (bench/mcp-handler-app, built here when its sources changed) — what a Next.js user would write
//   to host tools: no auth, no sandbox, no records;
// - the bare MCP SDK v2 server (scripts/bench/bare-server.ts): what the SDK alone costs.
// One lean load client (scripts/bench/lean-client.ts: keep-alive node:http, hand-built 2026-07-28
// requests, every answer checked) drives all three: tools/list and tools/call at 1, 8 and 32
// requests in flight, targets interleaved run by run over BENCH_REPETITIONS repetitions. Each run
// prints its throughput, p50 and p99 with the load: the load average, and the CPU the client and the
// server used (share of one core), so a run where the client or the machine was the limit shows.
//
// Every Atelier tools/call goes through auth, the rate limits and is recorded, as in production:
// the demo project's limits are raised to their maxima first (6,000 calls a minute; the bench paces
// Atelier's tools/call runs to stay under them), and once the server has been stopped (SIGTERM,
// which writes the buffered records) the bench counts the records it left in the database.
//
// Noisy neighbour: a second organization ("noisy") runs CPU-bound and memory-heavy handlers on
// NOISY_LANES parallel lanes (its whole share of handler slots) while the demo project's trivial
// tools/call is measured again; the bench prints that p99 beside the quiet one, how long a runaway
// loop took to be answered, and the server's memory afterwards.
//
// Smaller runs: BENCH_SECONDS (each measured run, default 2.5), BENCH_REPETITIONS (3),
// BENCH_IN_FLIGHT (1,8,32), BENCH_REQUESTS (most requests in one run, 5000), BENCH_NOISY_REQUESTS (200),
// BENCH_METHODS (tools/list,tools/call). To profile Atelier's server process alone:
// BENCH_ATELIER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (node flags for its server process only).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ivm from "isolated-vm";
import { compileComponent } from "../lib/components/compile-component";
import { PROJECT_RATE_LIMITS } from "../lib/rate-limit/limits";
import { buildIsolateSource } from "../lib/sandbox/isolate-source";
import { generateToken } from "../lib/tokens/secret-token";
import { prepareData, withDatabase } from "./bench/data-dir";
import { ADD_NUMBERS, checkAddNumbers, checkToolsList, type LeanClient, leanClient } from "./bench/lean-client";
import { type Load, processTreeRssMb, watchLoad } from "./bench/load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2.5);
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 3);
const IN_FLIGHT = (process.env.BENCH_IN_FLIGHT ?? "1,8,32").split(",").map(Number);
const MAX_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const NOISY_REQUESTS = Number(process.env.BENCH_NOISY_REQUESTS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3410);
const MCP_HANDLER_PORT = PORT + 1;
const BARE_PORT = PORT + 2;
// Tenant A's lanes: its full share of handler slots (half of ATELIER_SANDBOX_MAX_CONCURRENT's 8), so
// a runaway loop's answer time is its run time, not time spent waiting for a slot.
const NOISY_LANES = Number(process.env.BENCH_NOISY_LANES ?? 4);
const NOISY_TIMEOUT_MS = 1_000;
const root = path.resolve(import.meta.dirname, "..");
const mcpHandlerApp = path.join(root, "bench/mcp-handler-app");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

type Server = { name: string; url: string; token?: string; child: ChildProcess; exited: Promise<number | null> };

/** Spawns a server and waits until its output says it is ready. */
async function startProcess(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; ready: RegExp }) {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (options.ready.test(output)) return { child, exited };
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} did not start within 10 minutes:\n${output}`);
}

async function startBareServer(): Promise<Server> {
  const started = await startProcess("bare SDK server", ["--import", "tsx", path.join(root, "scripts/bench/bare-server.ts")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" as const, BARE_PORT: String(BARE_PORT) },
    ready: /listening/,
  });
  return { name: "bare SDK v2", url: `http://127.0.0.1:${BARE_PORT}/mcp`, ...started };
}

/** Builds bench/mcp-handler-app when its sources (or the installed packages) changed, then `next start`s it. */
async function startMcpHandler(): Promise<Server> {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(mcpHandlerApp, entry);
    if (statSync(full).isDirectory()) for (const child of readdirSync(full).sort()) visit(path.join(entry, child));
    else hash.update(entry).update(readFileSync(full));
  };
  for (const entry of ["app", "next.config.mjs", "tsconfig.json"]) visit(entry);
  hash.update(readFileSync(path.join(root, "package-lock.json")));
  const digest = hash.digest("hex");
  const marker = path.join(mcpHandlerApp, ".next/bench-source-digest");
  const env = { ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  if (!existsSync(marker) || readFileSync(marker, "utf8") !== digest) {
    console.log("Building bench/mcp-handler-app (first run or sources changed)…");
    // webpack, not Turbopack: with its root at the repository (where the packages are), Turbopack
    // 16.4 compiles the repository's own proxy.ts and instrumentation.ts into this app and fails.
    const built = spawnSync(process.execPath, [nextBin, "build", "--webpack"], { cwd: mcpHandlerApp, env, stdio: "inherit" });
    if (built.status !== 0) throw new Error("Building bench/mcp-handler-app failed");
    writeFileSync(marker, digest);
  }
  const started = await startProcess("mcp-handler app", [nextBin, "start", "-p", String(MCP_HANDLER_PORT), "-H", "127.0.0.1"], {
    cwd: mcpHandlerApp,
    env,
    ready: /Ready in/,
  });
  return { name: "mcp-handler", url: `http://127.0.0.1:${MCP_HANDLER_PORT}/mcp`, ...started };
}

/** Tenant A of the noisy-neighbour figure: its own organization, project, draft token and hostile tools. */
async function createNoisyTenant(dataDir: string): Promise<string> {
  const draft = generateToken("draft");
  await withDatabase(dataDir, async (db) => {
    const organization = await db.organization.create({ data: { slug: "noisy", name: "Noisy neighbour" } });
    const project = await db.project.create({
      data: {
        organizationId: organization.id,
        slug: "flood",
        name: "Flood",
        draftTokenHash: draft.hash,
        draftTokenPrefix: draft.prefix,
        draftTokenRotatedAt: new Date(),
        dataToolCallsPerMinute: PROJECT_RATE_LIMITS.dataToolCallsPerMinute.max,
        credentialCallsPerMinute: PROJECT_RATE_LIMITS.credentialCallsPerMinute.max,
      },
    });
    const tool = { projectId: project.id, kind: "DATA" as const, inputSchema: { type: "object" }, timeoutMs: NOISY_TIMEOUT_MS };
    await db.tool.create({ data: { ...tool, name: "spin", handler: "async () => { while (true) {} }" } });
    await db.tool.create({
      data: {
        ...tool,
        name: "hoard",
        memoryMb: 128,
        handler: "async () => { const chunks = []; while (true) chunks.push(new Array(100000).fill(Math.random())) }",
      },
    });
  });
  return draft.token;
}

async function startAtelier(): Promise<Server & { noisyUrl: string; noisyToken: string; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-"));
  const env = { ...process.env, PORT: String(PORT), ATELIER_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" };
  const token = await prepareData(dataDir, env);
  const noisyToken = await createNoisyTenant(dataDir);
  const nodeArgs = (process.env.BENCH_ATELIER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const started = await startProcess("Atelier", [...nodeArgs, path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env,
    ready: /Ready in|started server/i,
  });
  return {
    name: "Atelier",
    url: `http://localhost:${PORT}/mcp/acme/demo/draft`,
    token,
    noisyUrl: `http://localhost:${PORT}/mcp/noisy/flood/draft`,
    noisyToken,
    dataDir,
    ...started,
  };
}

/** Runs `run` on `lanes` parallel lanes for SECONDS (at most `maxRequests`); latencies in ms, sorted. */
async function drive(run: () => Promise<void>, lanes: number, maxRequests: number, seconds = SECONDS) {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (issued < maxRequests && performance.now() < deadline) {
        issued++;
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Atelier's tools/call is rate-limited (6,000 a minute per project and per credential, sliding):
 * the calls made in the last minute are remembered, and a run is shortened, or waits, so as never
 * to be refused.
 */
const ATELIER_CALLS_PER_MINUTE = Math.min(PROJECT_RATE_LIMITS.dataToolCallsPerMinute.max, PROJECT_RATE_LIMITS.credentialCallsPerMinute.max);
const atelierCallTimes: number[] = [];
async function atelierCallBudget(): Promise<number> {
  const margin = 200; // the server's clock and ours see a call at slightly different times
  for (;;) {
    const windowStart = performance.now() - 61_000;
    while (atelierCallTimes.length > 0 && atelierCallTimes[0] < windowStart) atelierCallTimes.shift();
    const left = ATELIER_CALLS_PER_MINUTE - margin - atelierCallTimes.length;
    const wanted = Math.min(MAX_REQUESTS, 1000);
    if (left >= wanted) return left;
    console.log("  (waiting for Atelier's rate-limit window to free up)");
    await new Promise((resolve) => setTimeout(resolve, atelierCallTimes[wanted - left - 1] - windowStart + 10));
  }
}

type Method = "tools/list" | "tools/call";
type Target = Server & { client: LeanClient; lanes: number };
type Run = { throughput: number; latencies: number[]; load: Load };

const ATELIER = "Atelier";
let atelierCalls = 0;

/** One request, its answer checked; Atelier's tools/call counted (records, rate-limit window). */
async function request(target: Target, method: Method): Promise<void> {
  if (method === "tools/list") return checkToolsList(await target.client.call("tools/list", {}));
  if (target.name === ATELIER) {
    atelierCalls++;
    atelierCallTimes.push(performance.now());
  }
  checkAddNumbers(await target.client.call("tools/call", ADD_NUMBERS));
}

async function measure(target: Target, method: Method, lanes: number): Promise<Run> {
  const maxRequests = method === "tools/call" && target.name === ATELIER ? Math.min(MAX_REQUESTS, await atelierCallBudget()) : MAX_REQUESTS;
  const load = watchLoad(target.child.pid!);
  const driven = await drive(() => request(target, method), lanes, maxRequests);
  return { throughput: driven.latencies.length / driven.seconds, latencies: driven.latencies, load: load() };
}

const fixed = (value: number, digits: number, width: number) => value.toFixed(digits).padStart(width);
const loadColumns = (load: Load) =>
  `client ${fixed(load.clientCpu, 0, 3)} %  server ${fixed(load.serverCpu, 0, 3)} %  load ${fixed(load.load1, 1, 4)}`;

/**
 * Tenant A floods its own project with runaway loops and memory hogs on NOISY_LANES lanes; tenant
 * B's trivial call is measured meanwhile, one request at a time.
 */
async function noisyNeighbour(atelier: Awaited<ReturnType<typeof startAtelier>>, victim: Target) {
  const attacker = leanClient(atelier.noisyUrl, { token: atelier.noisyToken, lanes: NOISY_LANES });
  let attacking = true;
  let attackCalls = 0;
  const loopTimes: number[] = [];
  const lanes = Array.from({ length: NOISY_LANES }, async (_, lane) => {
    while (attacking) {
      const name = (lane + attackCalls) % 2 === 0 ? "spin" : "hoard";
      attackCalls++;
      const started = performance.now();
      const result = await attacker.call("tools/call", { name, arguments: {} });
      // A hostile handler must be stopped, and say so.
      if (result.isError !== true) throw new Error(`${name} was not stopped: ${JSON.stringify(result).slice(0, 300)}`);
      if (name === "spin") loopTimes.push(performance.now() - started);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 2 * NOISY_TIMEOUT_MS)); // the flood is under way
  await atelierCallBudget();
  const measured = await drive(() => request(victim, "tools/call"), 1, NOISY_REQUESTS, 600);
  attacking = false;
  await Promise.all(lanes);
  attacker.close();
  loopTimes.sort((a, b) => a - b);
  return {
    p50: quantile(measured.latencies, 0.5),
    p99: quantile(measured.latencies, 0.99),
    attackCalls,
    loopP50: quantile(loopTimes, 0.5),
    loopMax: loopTimes.at(-1) ?? 0,
    rssMb: processTreeRssMb(atelier.child.pid ?? 0),
  };
}

const bare = await startBareServer();
const mcpHandler = await startMcpHandler().catch((error) => {
  bare.child.kill("SIGTERM");
  throw error;
});
const atelier = await startAtelier().catch((error) => {
  bare.child.kill("SIGTERM");
  mcpHandler.child.kill("SIGTERM");
  throw error;
});
const lanes = Math.max(...IN_FLIGHT);
const targets: Target[] = [bare, mcpHandler, atelier].map((server) => ({
  ...server,
  lanes,
  client: leanClient(server.url, { token: server.token, lanes: Math.max(lanes, NOISY_LANES) }),
}));
const atelierTarget = targets[2];
const methods = (process.env.BENCH_METHODS ?? "tools/list,tools/call").split(",") as Method[];
const runs = new Map<string, Run[]>();
const key = (target: Target, method: Method, inFlight: number) => `${target.name} ${method} ${inFlight}`;
try {
  // Warm-up (JIT, caches, connections, Next's first request to a route), not measured: 300 of each.
  for (const target of targets) for (const method of methods) await drive(() => request(target, method), 8, 300, 600);

  console.log(
    `\nMCP hot path — lean keep-alive client, 2026-07-28 era; ${SECONDS} s per run; ${REPETITIONS} repetitions, targets interleaved; ` +
      `${os.cpus().length} cores; Atelier on embedded PGlite; CPU as a share of one core\n`,
  );
  for (let repetition = 1; repetition <= REPETITIONS; repetition++) {
    for (const method of methods) {
      for (const inFlight of IN_FLIGHT) {
        // Each repetition starts with a different target, so none is always measured first.
        for (let index = 0; index < targets.length; index++) {
          const target = targets[(index + repetition - 1) % targets.length];
          const run = await measure(target, method, inFlight);
          const runsOfKey = runs.get(key(target, method, inFlight)) ?? [];
          runs.set(key(target, method, inFlight), [...runsOfKey, run]);
          console.log(
            `#${repetition} ${method} ${fixed(inFlight, 0, 2)} in flight  ${target.name.padEnd(11)} ${fixed(run.throughput, 0, 6)} req/s  ` +
              `p50 ${fixed(quantile(run.latencies, 0.5), 1, 6)} ms  p99 ${fixed(quantile(run.latencies, 0.99), 1, 6)} ms   ${loadColumns(run.load)}`,
          );
        }
      }
    }
  }

  console.log(
    "\nSummary — throughput: median of the repetitions (range); p50/p99 over all their requests; client, server CPU and load: means\n",
  );
  for (const method of methods) {
    for (const inFlight of IN_FLIGHT) {
      const throughputOf = (target: Target) => median(runs.get(key(target, method, inFlight))!.map((run) => run.throughput));
      for (const target of targets) {
        const ofTarget = runs.get(key(target, method, inFlight))!;
        const throughputs = ofTarget.map((run) => run.throughput);
        const latencies = ofTarget.flatMap((run) => run.latencies).sort((a, b) => a - b);
        const mean = (pick: (load: Load) => number) => ofTarget.reduce((total, run) => total + pick(run.load), 0) / ofTarget.length;
        console.log(
          `${method} ${fixed(inFlight, 0, 2)} in flight  ${target.name.padEnd(11)} ${fixed(throughputOf(target), 0, 6)} req/s ` +
            `(${Math.min(...throughputs).toFixed(0)}–${Math.max(...throughputs).toFixed(0)})`.padEnd(14) +
            `  p50 ${fixed(quantile(latencies, 0.5), 1, 6)} ms  p99 ${fixed(quantile(latencies, 0.99), 1, 6)} ms   ` +
            loadColumns({
              clientCpu: mean((load) => load.clientCpu),
              serverCpu: mean((load) => load.serverCpu),
              load1: mean((load) => load.load1),
            }),
        );
      }
      const atelierThroughput = throughputOf(atelierTarget);
      console.log(
        `${method} ${fixed(inFlight, 0, 2)} in flight  Atelier/mcp-handler ${(atelierThroughput / throughputOf(targets[1])).toFixed(2)}, ` +
          `Atelier/bare ${(atelierThroughput / throughputOf(targets[0])).toFixed(2)}\n`,
      );
    }
  }
  const callAt8 = runs.get(key(atelierTarget, "tools/call", 8));
  if (callAt8) {
    const latencies = callAt8.flatMap((run) => run.latencies).sort((a, b) => a - b);
    console.log(
      "targets (issue 18): tools/list ≥ mcp-handler and ≥ 0.5 × bare; tools/call ≥ 0.5 × mcp-handler with p50 < 10 ms and p99 < 50 ms at 8 in flight " +
        `(now p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms)`,
    );
  }

  const quiet = await drive(() => request(atelierTarget, "tools/call"), 1, NOISY_REQUESTS, 600);
  const noisy = await noisyNeighbour(atelier, atelierTarget);
  console.log(
    `\nnoisy neighbour — tenant B tools/call, sequential, while tenant A runs ${NOISY_LANES} CPU-bound / memory-heavy handlers at once:`,
  );
  console.log(
    `${"quiet".padEnd(20)} p50 ${fixed(quantile(quiet.latencies, 0.5), 1, 6)} ms   p99 ${fixed(quantile(quiet.latencies, 0.99), 1, 6)} ms`,
  );
  console.log(
    `${"under attack".padEnd(20)} p50 ${fixed(noisy.p50, 1, 6)} ms   p99 ${fixed(noisy.p99, 1, 6)} ms   load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `tenant A: ${noisy.attackCalls} hostile calls; runaway loops (limit ${NOISY_TIMEOUT_MS} ms) answered after p50 ${noisy.loopP50.toFixed(0)} ms, max ${noisy.loopMax.toFixed(0)} ms; server RSS ${noisy.rssMb} MB after`,
  );
  console.log(
    `target: tenant B p99 under attack < 500 ms (now ${noisy.p99.toFixed(0)} ms); runaway loops answered within 500 ms of their limit`,
  );
} finally {
  for (const target of targets) target.client.close();
  for (const server of [bare, mcpHandler, atelier]) server.child.kill("SIGTERM");
  await Promise.all([bare.exited, mcpHandler.exited, atelier.exited]);
}
try {
  const recorded = await withDatabase(atelier.dataDir, (db) =>
    db.execution.count({ where: { project: { slug: "demo" }, toolName: "add_numbers" } }),
  );
  console.log(
    `\nexecution records after SIGTERM: ${recorded} of ${atelierCalls} tools/call${recorded === atelierCalls ? "" : " — RECORDS MISSING"}`,
  );
} finally {
  rmSync(atelier.dataDir, { recursive: true, force: true });
}

// TSX components are compiled when saved (esbuild, React and the App client inlined): the time a
// builder waits on Save for a 200-line component, cold (first compile in the process) and warm.
const tsxLines = [
  'import { useState } from "react";',
  "export default function View({ result }: { result?: { structuredContent?: Record<string, unknown> } }) {",
  "  const [open, setOpen] = useState(false);",
  "  const data = result?.structuredContent ?? {};",
  "  return (",
  "    <main>",
  ...Array.from(
    { length: 190 },
    (_, index) => `      <p data-row="${index}">{String(data["field${index}"] ?? "—")} {open ? "${index}" : null}</p>`,
  ),
  '      <button type="button" onClick={() => setOpen(!open)}>Toggle</button>',
  "    </main>",
  "  );",
  "}",
];
const compileTimes: number[] = [];
for (let run = 0; run < 6; run++) {
  const started = performance.now();
  await compileComponent({ name: "bench", source: tsxLines.join("\n") });
  compileTimes.push(performance.now() - started);
}
const warm = compileTimes.slice(1).sort((a, b) => a - b);
console.log(
  `\ncompile a ${tsxLines.length}-line TSX component: cold ${compileTimes[0].toFixed(0)} ms, warm median ${warm[Math.floor(warm.length / 2)].toFixed(0)} ms`,
);
// The floor a fresh isolate per call sets (issue 18): one call's isolate lifecycle on this thread,
// alone — create the isolate and its context, evaluate the prelude and a trivial handler, dispose —
// as CPU per call. Two cores can run at most 2000 / this many calls a second, before any HTTP,
// auth, rate limits or records.
const isolateSource = buildIsolateSource("async ({ a, b }) => ({ sum: a + b })");
const env = { secrets: {}, organizationId: "bench", projectId: "bench", environment: "draft", locale: "en" };
const lifecycle = async () => {
  const isolate = new ivm.Isolate({ memoryLimit: 128 });
  const context = isolate.createContextSync();
  const log = new ivm.Reference(() => undefined);
  const fetchReference = new ivm.Reference(() => undefined);
  const args = [new ivm.ExternalCopy({ a: 1, b: 2 }).copyInto(), new ivm.ExternalCopy(env).copyInto(), log, fetchReference];
  await context.evalClosure(isolateSource, args, { timeout: 1000, result: { promise: true, copy: true } });
  isolate.dispose();
};
for (let run = 0; run < 50; run++) await lifecycle();
const lifecycleRuns = 500;
const lifecycleCpu = process.cpuUsage();
for (let run = 0; run < lifecycleRuns; run++) await lifecycle();
const { user, system } = process.cpuUsage(lifecycleCpu);
const perCallMs = (user + system) / 1000 / lifecycleRuns;
console.log(
  `a fresh isolate per call, alone (create, context, prelude + trivial handler, dispose): ${perCallMs.toFixed(2)} ms of CPU — ` +
    `at most ${Math.round((os.cpus().length * 1000) / perCallMs)} calls/s on ${os.cpus().length} cores for the isolates alone; ` +
    `p50 < 10 ms at 8 in flight needs ~${Math.round(8 / 0.01)} calls/s`,
);
process.exit(0);
