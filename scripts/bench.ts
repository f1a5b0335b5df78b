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
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { createMcpHandler, Server } from "@modelcontextprotocol/server";
import { connectDatabase } from "../lib/database/adapter";
import { PrismaClient } from "../lib/generated/prisma/client";
import { PROJECT_RATE_LIMITS } from "../lib/rate-limit/limits";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
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
  child: ChildProcess;
  dataDir: string;
  exited: Promise<number | null>;
}> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-bench-"));
  const env = { ...process.env, PORT: String(PORT), ATELIER_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" };
  const token = await prepareData(dataDir, env);
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (/Ready in|started server|Local:/i.test(output))
      return { url: `http://localhost:${PORT}/mcp/acme/demo/draft`, token, child, dataDir, exited };
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
process.exit(0);
