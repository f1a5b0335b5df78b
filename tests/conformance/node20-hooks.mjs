// @modelcontextprotocol/conformance 0.1.x declares Node >= 22 because its `tier-check` and results
// commands import fs.globSync (Node 22). The `server` command never calls it, so on Node 20 (this
// project's runtime, see README) its `fs` import is pointed at fs plus a globSync that refuses.
export async function resolve(specifier, context, next) {
  if (
    (specifier === "fs" || specifier === "node:fs") &&
    /@modelcontextprotocol\/conformance\/|\/conformance-2026-07-28\//.test(context.parentURL ?? "")
  ) {
    return { url: new URL("./fs-shim.mjs", import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
