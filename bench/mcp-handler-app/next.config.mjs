// The bench's mcp-handler peer (scripts/bench.ts builds and starts it). It lives in the repository,
// not in a temporary directory, so that it resolves `next`, `mcp-handler` and `zod` from the
// repository's node_modules like any app in it (Turbopack does not follow a symlinked
// node_modules out of its root), and so that biome, tsc and knip check its sources.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** @type {import('next').NextConfig} */
const nextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
};

export default nextConfig;
