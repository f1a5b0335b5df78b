// See node20-hooks.mjs.
import fs from "node:fs";

export * from "node:fs";
export default fs;
export function globSync() {
  throw new Error("fs.globSync needs Node 22; the conformance suite's server command does not use it");
}
