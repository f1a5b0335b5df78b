// The production endpoint, /mcp/{org}/{project}: the tools and components of the package the
// production pointer names (parsed once per package and cached — packages are immutable), with
// what is live read per request: Instructions, visibility, rate limits, and each tool's allowed
// domains and secrets from the draft tool of the same name. Draft edits never reach it; a publish or rollback
// does on the next request, so connected hosts see new tools on their next tools/list.
import "server-only";
import { db } from "@/lib/db";
import { recordToolCall } from "@/lib/executions/recorder";
import type { ExecutionSource } from "@/lib/executions/recorder-row";
import type { PackageManifest } from "@/lib/packages/manifest";
import { loadPackageManifest } from "@/lib/packages/package-manifests";
import { requestClientIp } from "@/lib/rate-limit/client-ip";
import { projectRateLimits } from "@/lib/rate-limit/tool-call-limits";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import type { ProductionProject } from "./production-credentials";
import { mcpEndpointUrl, type EndpointAddress } from "./protected-resource";
import { requestLocale, serveProject } from "./serve-project";
import type { ServedSnapshot } from "./types";
import type { ProductionArgs } from "./with-production-auth";

export async function serveProduction({ request, address, project, caller, token }: ProductionArgs): Promise<Response> {
  if (!project.productionPackageId) return notPublishedResponse(address);
  const manifest = await loadPackageManifest(project.productionPackageId);
  const snapshot = await productionSnapshot(project, manifest);
  const clientIp = requestClientIp(request);
  const source: ExecutionSource = {
    projectId: project.id,
    organizationId: project.organizationId,
    environment: "production",
    packageVersion: manifest.version,
    caller,
    clientIp,
  };
  return serveProject({
    request,
    address,
    snapshot,
    token,
    context: {
      projectSlug: project.slug,
      environment: "production",
      version: manifest.version,
      locale: requestLocale(request),
      caller,
      clientIp,
      onToolCall: (record) => recordToolCall(source, record),
    },
    // The auth query read them with the project, on this request: live, with no query of their own.
    rateLimits: projectRateLimits(project),
  });
}

async function productionSnapshot(project: ProductionProject, manifest: PackageManifest): Promise<ServedSnapshot> {
  const liveByName = await liveToolSettings(project, manifest);
  return {
    projectId: project.id,
    organizationId: project.organizationId,
    name: project.name,
    instructions: project.instructions,
    tools: manifest.tools.map((tool) => {
      const live = liveByName.get(tool.name);
      return { ...tool, id: live?.id ?? null, allowedDomains: live?.allowedDomains ?? [], secretNames: live?.secretNames ?? [] };
    }),
    components: manifest.components,
    prompts: manifest.prompts ?? [],
    resources: manifest.resources ?? [],
  };
}

type LiveTool = { id: string; allowedDomains: string[]; secretNames: string[] };
const MAX_CACHED = 500;
const liveCache = new Map<string, Promise<Map<string, LiveTool>>>();

/**
 * Live per tool, by name (names are immutable once published): which draft row holds its secrets,
 * and its allowed domains. A tool deleted from the draft gets neither. Every change to these bumps
 * the project's draft revision, which the auth query has just read, so the map is cached per
 * (package, revision) and never served stale (the same scheme as lib/tools/draft-snapshot.ts).
 */
function liveToolSettings(project: ProductionProject, manifest: PackageManifest) {
  const key = `${project.id}:${project.productionPackageId}:${project.draftRevision}`;
  const cached = liveCache.get(key);
  if (cached) return cached;
  const loading = db.tool
    .findMany({
      where: { projectId: project.id, name: { in: manifest.tools.map((tool) => tool.name) } },
      select: { id: true, name: true, allowedDomains: true, secrets: { select: { key: true } } },
    })
    .then(
      (rows) =>
        new Map(
          rows.map((row) => [
            row.name,
            { id: row.id, allowedDomains: row.allowedDomains, secretNames: row.secrets.map((secret) => secret.key) },
          ]),
        ),
    );
  if (liveCache.size >= MAX_CACHED) liveCache.delete(liveCache.keys().next().value!);
  liveCache.set(key, loading);
  loading.catch(() => liveCache.delete(key));
  return loading;
}

/**
 * Before the first publish there is nothing to serve. 409 Conflict (the endpoint exists, its state
 * does not allow the request yet) rather than: 401/403, which send OAuth hosts into authorization
 * again and again; 404, which 2025-era clients read as "session expired, initialize again" or
 * "fall back to the old SSE transport"; 5xx/503, which hosts and proxies retry. No MCP client
 * gives 409 a meaning, so it shows the message once and stops.
 */
function notPublishedResponse(address: EndpointAddress): Response {
  const draftUrl = mcpEndpointUrl({ ...address, environment: "draft" });
  return jsonRpcErrorResponse(
    409,
    `Not published yet: this project has no production version. Publish it in the studio first, or connect to the draft endpoint ${draftUrl} to test.`,
  );
}
