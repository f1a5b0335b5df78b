// Profiles Atelier's server process (main thread) under the bench's load, on a fresh data directory:
// `NODE_OPTIONS=--experimental-websocket npx tsx --conditions=react-server scripts/bench-profile.ts [seconds] [in-flight] [method]`
// (defaults 10 s, 8, tools/call) prints the throughput and writes a V8 CPU profile into
// /tmp/atelier-profile (open it in Chrome DevTools or speedscope). For readable function names,
// build once with `experimental: { serverMinification: false }` in next.config.mjs.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareData } from "./bench/data-dir";
import { ADD_NUMBERS, checkAddNumbers, checkToolsList, leanClient } from "./bench/lean-client";
import { treeCpuMs } from "./bench/load";

const [seconds = "10", inFlight = "8", method = "tools/call"] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, "..");
const port = 3498;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "atelier-profile-"));
const env = { ...process.env, PORT: String(port), ATELIER_DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" };
const token = await prepareData(dataDir, env);

const child = spawn(process.execPath, ["--inspect=127.0.0.1:9239", "scripts/start.mjs"], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
child.stdout.on("data", (chunk) => (output += chunk));
while (!/Ready in/.test(output)) await new Promise((resolve) => setTimeout(resolve, 100));
const client = leanClient(`http://localhost:${port}/mcp/acme/demo/draft`, { token, lanes: Number(inFlight) });
const one = async () =>
  method === "tools/list"
    ? checkToolsList(await client.call("tools/list", {}))
    : checkAddNumbers(await client.call("tools/call", ADD_NUMBERS));
for (let i = 0; i < 200; i++) await one();
// The main thread's profile through the inspector (--cpu-prof would write it at exit, where it
// trips an isolated-vm assertion).
const target = (await (await fetch("http://127.0.0.1:9239/json/list")).json()) as Array<{ webSocketDebuggerUrl: string }>;
const socket = new WebSocket(target[0].webSocketDebuggerUrl);
await new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));
let nextId = 1;
const pending = new Map<number, (result: { profile?: unknown }) => void>();
socket.addEventListener("message", (event) => {
  const message = JSON.parse(String(event.data));
  pending.get(message.id)?.(message.result);
});
const send = (method: string, params = {}) =>
  new Promise<{ profile?: unknown }>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    socket.send(JSON.stringify({ id, method, params }));
  });
await send("Profiler.enable");
await send("Profiler.setSamplingInterval", { interval: 200 });
await send("Profiler.start");
// The server's CPU (all its threads) per request: steadier than throughput on a busy machine.
const serverCpuMs = () => treeCpuMs(child.pid!);
const cpuBefore = serverCpuMs();
let done = 0;
const deadline = performance.now() + Number(seconds) * 1000;
const cpu = process.cpuUsage();
await Promise.all(
  Array.from({ length: Number(inFlight) }, async () => {
    while (performance.now() < deadline && done < 5500) {
      await one();
      done++;
    }
  }),
);
const cpuPerRequest = (serverCpuMs() - cpuBefore) / done;
console.log(
  `${done} ${method} in ${seconds} s: ${(done / Number(seconds)).toFixed(0)} req/s; server CPU ${cpuPerRequest.toFixed(2)} ms per request; client CPU ${((process.cpuUsage(cpu).user / 1e6 / Number(seconds)) * 100).toFixed(0)} %`,
);
const { profile } = await send("Profiler.stop");
mkdirSync("/tmp/atelier-profile", { recursive: true });
writeFileSync(`/tmp/atelier-profile/${method.replace("/", "-")}-${Date.now()}.cpuprofile`, JSON.stringify(profile));
socket.close();
client.close();
child.kill("SIGTERM");
const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.once("exit", (...args) => resolve(args)));
console.log("server exited", code, signal);
rmSync(dataDir, { recursive: true, force: true });
console.log("profile in /tmp/atelier-profile");
