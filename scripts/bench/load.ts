// What the machine was doing during a measured run: the load average, and the CPU the load client
// (this process) and each server (its process tree, from /proc/<pid>/stat) used, as a share of one
// core. A client near 100 % would be the bottleneck; on 2 cores, client + server near 200 % means
// the run was CPU-bound on the whole machine (other work on it included, which the load shows).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** utime + stime of a process and its descendants, in ms (threads included; exited children not). */
export function treeCpuMs(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ").at(-1)!.split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process exited meanwhile.
    }
  }
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { ppid }] of stats)
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of inTree) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}

export type Load = { load1: number; clientCpu: number; serverCpu: number };

/** Starts watching; the returned function gives the shares of one core used since (in %). */
export function watchLoad(serverPid: number): () => Load {
  const started = performance.now();
  const client = process.cpuUsage();
  const server = treeCpuMs(serverPid);
  return () => {
    const wallMs = performance.now() - started;
    const clientUsage = process.cpuUsage(client);
    return {
      load1: os.loadavg()[0],
      clientCpu: ((clientUsage.user + clientUsage.system) / 1000 / wallMs) * 100,
      serverCpu: ((treeCpuMs(serverPid) - server) / wallMs) * 100,
    };
  };
}

/** Resident memory of a process and its descendants, in MB. */
export function processTreeRssMb(root: number): number {
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
