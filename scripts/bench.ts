// npm run bench — the MCP hot path, measured.
//
// Starts the production build on the embedded default (fresh data directory, demo data) and,
// in the same run, a bare MCP SDK v2 server serving the same tool in-process with no auth,
// database or sandbox. Drives both with the real SDK client over HTTP (2026-07-28 era) and
// prints throughput and p50/p99 of tools/list and of tools/call on a trivial Data Tool.
//
// Every Atelier tools/call goes through the rate limits and is recorded as an execution, as in
// production: the demo project's limits are raised to their maxima first (the bench makes more
// calls a minute than the defaults allow), and once the server has been stopped (SIGTERM, which
// writes the buffered records) the bench counts the records it left in the database.
//
// Noisy neighbour: a second organization ("noisy") runs CPU-bound and memory-heavy handlers on
// NOISY_LANES parallel lanes (its whole share of handler slots) while the demo project's trivial
// tools/call is measured again; the bench prints that p99 beside the quiet one, how long a runaway
// loop took to be answered, and the server's memory afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { createMcpHandler, Server } from "@modelcontextprotocol/server";
import { compileComponent } from "../lib/components/compile-component";
import { connectDatabase } from "../lib/database/adapter";
import { PrismaClient } from "../lib/generated/prisma/client";
import { PROJECT_RATE_LIMITS } from "../lib/rate-limit/limits";
import { generateToken } from "../lib/tokens/secret-token";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
// Tenant A's lanes: its full share of handler slots (half of ATELIER_SANDBOX_MAX_CONCURRENT's 8), so
// a runaway loop's answer time is its run time, not time spent waiting for a slot.
const NOISY_LANES = Number(process.env.BENCH_NOISY_LANES ?? 4);
const NOISY_TIMEOUT_MS = 1_000;
const root = path.resolve(import.meta.dirname, "..");

const addNumbers = {
  name: "add_numbers",
  description: "Adds a list of numbers and returns the sum.",
  inputSchema: { type: "object" as const, properties: { numbers: { type: "array", items: { type: "number" } } }, required: ["numbers"] },
};

// The baseline: what the SDK alone costs for the same tool.
async function startBareServer() {
  const handler = createMcpHandler(
    () => {
      const server = new Server({ name: "bare", version: "1.0.0" }, { capabilities: { tools: {} } });
      server.setRequestHandler("tools/list", () => ({ tools: [addNumbers] }));
      server.setRequestHandler("tools/call", (request) => {
        const numbers = (request.params.arguments?.numbers ?? []) as number[];
        const sum = numbers.reduce((total, n) => total + n, 0);
        return { content: [{ type: "text", text: JSON.stringify({ sum }) }], structuredContent: { sum } };
      });
      return server;
    },
    { legacy: "stateless" },
  );
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      ...(req.method === "POST" ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
    } as RequestInit);
    const response = await handler.fetch(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, close: () => server.close() };
}

/** Migrates and seeds a fresh data directory (as `npm start` would), then raises the demo project's limits. */
async function prepareData(dataDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const prepared = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/prepare.ts")], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  const token = /Bearer (atl_draft_\S+)/.exec(prepared.stdout)?.[1];
  if (prepared.status !== 0 || !token) throw new Error(`Preparing the data directory failed:\n${prepared.stdout}\n${prepared.stderr}`);
  await withDatabase(dataDir, (db) =>
    db.project.updateMany({
      where: { slug: "demo", organization: { slug: "acme" } },
      data: {
        dataToolCallsPerMinute: PROJECT_RATE_LIMITS.dataToolCallsPerMinute.max,
        credentialCallsPerMinute: PROJECT_RATE_LIMITS.credentialCallsPerMinute.max,
      },
    }),
  );
  return token;
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

async function withDatabase<T>(dataDir: string, run: (db: PrismaClient) => Promise<T>): Promise<T> {
  const connection = connectDatabase({ dataDir });
  const db = new PrismaClient({ adapter: connection.factory });
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
    await connection.close();
  }
}

async function startAtelier(): Promise<{
  url: string;
  token: string;
  noisyUrl: string;
  noisyToken: string;
  child: ChildProcess;
  dataDir: string;
  exited: Promise<number | null>;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-"));
  const env = { ...process.env, PORT: String(PORT), ATELIER_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" };
  const token = await prepareData(dataDir, env);
  const noisyToken = await createNoisyTenant(dataDir);
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (/Ready in|started server|Local:/i.test(output))
      return {
        url: `http://localhost:${PORT}/mcp/acme/demo/draft`,
        token,
        noisyUrl: `http://localhost:${PORT}/mcp/noisy/flood/draft`,
        noisyToken,
        child,
        dataDir,
        exited,
      };
    if (child.exitCode !== null) throw new Error(`Atelier exited early:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("Atelier did not start within 10 minutes");
}

async function connect(url: string, token?: string) {
  const client = new Client({ name: "atelier-bench", version: "1.0.0" }, { versionNegotiation: { mode: { pin: "2026-07-28" } } });
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

type Stats = { throughput: number; p50: number; p99: number };

/** Runs `count` requests on `concurrency` parallel lanes; returns latencies (ms) and wall time (s). */
async function drive(run: () => Promise<unknown>, count: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const t0 = performance.now();
        await run();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

// Latency is measured one request at a time (no queueing in the numbers); throughput with
// CONCURRENCY requests in flight.
async function measure(run: () => Promise<unknown>): Promise<Stats> {
  await drive(run, 30, 1); // warm-up: JIT, caches, connections
  const sequential = await drive(run, Math.max(100, REQUESTS / 2), 1);
  const concurrent = await drive(run, REQUESTS, CONCURRENCY);
  const at = (q: number) => sequential.latencies[Math.min(sequential.latencies.length - 1, Math.floor(q * sequential.latencies.length))];
  return { throughput: concurrent.latencies.length / concurrent.seconds, p50: at(0.5), p99: at(0.99) };
}

const format = (stats: Stats) =>
  `${stats.throughput.toFixed(0).padStart(6)} req/s   p50 ${stats.p50.toFixed(1).padStart(6)} ms   p99 ${stats.p99.toFixed(1).padStart(6)} ms`;

/**
 * Tenant A floods its own project with runaway loops and memory hogs on NOISY_LANES lanes; tenant
 * B's trivial call is measured meanwhile, one request at a time.
 */
async function noisyNeighbour(server: { noisyUrl: string; noisyToken: string; child: ChildProcess }, victimCall: () => Promise<unknown>) {
  const attacker = await connect(server.noisyUrl, server.noisyToken);
  let attacking = true;
  let attackCalls = 0;
  const loopTimes: number[] = [];
  const lanes = Array.from({ length: NOISY_LANES }, async (_, lane) => {
    while (attacking) {
      const name = (lane + attackCalls) % 2 === 0 ? "spin" : "hoard";
      attackCalls++;
      const started = performance.now();
      await attacker.callTool({ name, arguments: {} });
      if (name === "spin") loopTimes.push(performance.now() - started);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 2 * NOISY_TIMEOUT_MS)); // the flood is under way
  const measured = await drive(victimCall, Math.max(100, REQUESTS / 2), 1);
  attacking = false;
  await Promise.all(lanes);
  await attacker.close();
  const at = (q: number) => measured.latencies[Math.min(measured.latencies.length - 1, Math.floor(q * measured.latencies.length))];
  loopTimes.sort((a, b) => a - b);
  return {
    p50: at(0.5),
    p99: at(0.99),
    attackCalls,
    loopP50: loopTimes[Math.floor(loopTimes.length / 2)] ?? 0,
    loopMax: loopTimes.at(-1) ?? 0,
    rssMb: processTreeRssMb(server.child.pid ?? 0),
  };
}

/** Resident memory of a process and its descendants (npm start → next start → the server), in MB. */
function processTreeRssMb(root: number): number {
  const rows = spawnSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number));
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return Math.round(rows.filter(([pid]) => inTree.has(pid)).reduce((total, [, , rss]) => total + rss, 0) / 1024);
}

const bare = await startBareServer();
const atelier = await startAtelier();
let atelierCalls = 0;
try {
  const bareClient = await connect(bare.url);
  const draftClient = await connect(atelier.url, atelier.token);
  const call = (client: Client) => () => client.callTool({ name: "add_numbers", arguments: { numbers: [1, 2, 3] } });
  const countedCall = (client: Client) => () => {
    atelierCalls++;
    return call(client)();
  };
  const results = {
    "bare tools/list": await measure(() => bareClient.listTools()),
    "atelier tools/list": await measure(() => draftClient.listTools()),
    "bare tools/call": await measure(call(bareClient)),
    "atelier tools/call": await measure(countedCall(draftClient)),
  };
  console.log(
    `\nMCP hot path — throughput: ${REQUESTS} requests at concurrency ${CONCURRENCY}; latency: sequential; ${os.cpus().length} cores, embedded PGlite\n`,
  );
  for (const [name, stats] of Object.entries(results)) console.log(`${name.padEnd(20)} ${format(stats)}`);
  const ratio = (a: Stats, b: Stats) => (a.throughput / b.throughput).toFixed(2);
  console.log(
    `\natelier/bare throughput: tools/list ${ratio(results["atelier tools/list"], results["bare tools/list"])}, tools/call ${ratio(results["atelier tools/call"], results["bare tools/call"])}`,
  );
  console.log(`targets: tools/list ≥ 0.5 of bare; tools/call p50 < 10 ms (now ${results["atelier tools/call"].p50.toFixed(1)} ms)`);

  const noisy = await noisyNeighbour(atelier, countedCall(draftClient));
  console.log(
    `\nnoisy neighbour — tenant B tools/call, sequential, while tenant A runs ${NOISY_LANES} CPU-bound / memory-heavy handlers at once:`,
  );
  console.log(
    `${"quiet".padEnd(20)} p50 ${results["atelier tools/call"].p50.toFixed(1).padStart(6)} ms   p99 ${results["atelier tools/call"].p99.toFixed(1).padStart(6)} ms`,
  );
  console.log(`${"under attack".padEnd(20)} p50 ${noisy.p50.toFixed(1).padStart(6)} ms   p99 ${noisy.p99.toFixed(1).padStart(6)} ms`);
  console.log(
    `tenant A: ${noisy.attackCalls} hostile calls; runaway loops (limit ${NOISY_TIMEOUT_MS} ms) answered after p50 ${noisy.loopP50.toFixed(0)} ms, max ${noisy.loopMax.toFixed(0)} ms; server RSS ${noisy.rssMb} MB after`,
  );
  console.log(
    `target: tenant B p99 under attack < 500 ms (now ${noisy.p99.toFixed(0)} ms); runaway loops answered within 500 ms of their limit`,
  );
  await Promise.all([bareClient.close(), draftClient.close()]);
} finally {
  bare.close();
  atelier.child.kill("SIGTERM");
  await atelier.exited;
}
try {
  const recorded = await withDatabase(atelier.dataDir, (db) =>
    db.execution.count({ where: { project: { slug: "demo" }, toolName: "add_numbers" } }),
  );
  console.log(
    `execution records after SIGTERM: ${recorded} of ${atelierCalls} tools/call${recorded === atelierCalls ? "" : " — RECORDS MISSING"}`,
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
process.exit(0);
