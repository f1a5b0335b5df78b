// Starting and stopping app instances as separate processes (instance-server.ts), for the
// multi-instance and graceful-shutdown tests.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type SeededProject = { projectId: string; orgSlug: string; projectSlug: string; draftToken: string };
export type Instance = {
  origin: string;
  seeded: SeededProject | null;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output: () => string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
};

/** Starts an instance with the test run's configuration plus `env`; resolves once it listens. */
export async function startInstance(options: { env?: Record<string, string | undefined>; seed?: boolean } = {}): Promise<Instance> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(root, "tests/integration/instance-server.ts"),
      ...(options.seed ? ["--seed"] : []),
    ],
    {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = await new Promise<{ origin: string } & Partial<SeededProject>>((resolve, reject) => {
    const onData = () => {
      const line = output.split("\n").find((candidate) => candidate.startsWith('{"origin"'));
      if (!line) return;
      child.stdout!.off("data", onData);
      resolve(JSON.parse(line));
    };
    child.stdout!.on("data", onData);
    void exited.then((code) => reject(new Error(`instance exited (${code}) before listening:\n${output}`)));
  });
  const { origin, ...seeded } = ready;
  return {
    origin,
    seeded: options.seed ? (seeded as SeededProject) : null,
    child,
    output: () => output,
    exited,
  };
}

/** SIGTERM, then the exit code. */
export async function stopInstance(instance: Instance): Promise<number | null> {
  if (instance.child.exitCode === null) instance.child.kill("SIGTERM");
  return instance.exited;
}
