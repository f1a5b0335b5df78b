// list-changed notifications (issue 13 §5). A 2026-07-28 client opens `subscriptions/listen` on
// an endpoint; the SDK's listen router (createMcpHandler) keeps that stream open and forwards the
// events of the bus it was given. Every request of one endpoint (project + draft or production)
// gets the same bus from here, so a listen opened by one request hears what happens later.
//
// What changes is not pushed by the studio: while a bus has listeners, this process checks the
// project's revision every POLL_MS — the draft revision (bumped by every save) for the draft
// endpoint, the production pointer (moved by publish and rollback) for production — and, when it
// moved, compares what tools/list, prompts/list and resources/list (with templates) would answer,
// publishing one event per list that changed. Reading the database keeps it right with several
// instances behind a proxy: each instance tells its own listeners.
//
// 2025-era clients are served statelessly and get no standalone stream (GET answers 405), so
// there is nothing to send them on; they see changes on their next list.
import "server-only";
import { InMemoryServerEventBus, type ServerEventBus } from "@modelcontextprotocol/server";
import { db } from "@/lib/db";
import { canonicalJson } from "@/lib/packages/canonical-json";
import { loadPackageManifest } from "@/lib/packages/package-manifests";
import { loadDraftSnapshot } from "@/lib/tools/draft-snapshot";
import type { McpEnvironment } from "./types";

export const LIST_CHANGED_POLL_MS = 2_000;

type Lists = { tools: string; prompts: string; resources: string };
type Item = Record<string, unknown>;

/** What the three lists show, as fingerprints (handlers and limits are not listed, so they don't count). */
export function listFingerprints(contents: { tools: Item[]; components: Item[]; prompts?: Item[]; resources?: Item[] }): Lists {
  const pick = (item: Item, keys: string[]) => Object.fromEntries(keys.map((key) => [key, item[key] ?? null]));
  return {
    tools: canonicalJson(
      contents.tools.map((tool) =>
        pick(tool, ["name", "title", "description", "inputSchema", "outputSchema", "annotations", "kind", "component", "visibility"]),
      ),
    ),
    prompts: canonicalJson((contents.prompts ?? []).map((prompt) => pick(prompt, ["name", "title", "description", "arguments"]))),
    resources: canonicalJson({
      components: contents.components.map((component) => pick(component, ["name", "title", "description"])),
      resources: (contents.resources ?? []).map((resource) => pick(resource, ["name", "kind", "uri", "title", "description", "mimeType"])),
    }),
  };
}

type Watch = { bus: InMemoryServerEventBus; listeners: number; timer?: NodeJS.Timeout; state?: { revision: string; lists: Lists } };
const watches = new Map<string, Watch>();

async function readState(projectId: string, environment: McpEnvironment): Promise<{ revision: string; lists: Lists } | null> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { draftRevision: true, productionPackageId: true } });
  if (!project) return null;
  if (environment === "draft")
    return { revision: String(project.draftRevision), lists: listFingerprints(await loadDraftSnapshot({ projectId })) };
  if (!project.productionPackageId) return { revision: "none", lists: listFingerprints({ tools: [], components: [] }) };
  return { revision: project.productionPackageId, lists: listFingerprints(await loadPackageManifest(project.productionPackageId)) };
}

async function revisionOf(projectId: string, environment: McpEnvironment): Promise<string | null> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { draftRevision: true, productionPackageId: true } });
  if (!project) return null;
  return environment === "draft" ? String(project.draftRevision) : (project.productionPackageId ?? "none");
}

async function check(projectId: string, environment: McpEnvironment, watch: Watch) {
  if (!watch.state) return;
  const revision = await revisionOf(projectId, environment);
  if (revision === null || revision === watch.state.revision) return;
  const next = await readState(projectId, environment);
  if (!next) return;
  const before = watch.state.lists;
  watch.state = next;
  if (before.tools !== next.lists.tools) watch.bus.publish({ kind: "tools_list_changed" });
  if (before.prompts !== next.lists.prompts) watch.bus.publish({ kind: "prompts_list_changed" });
  if (before.resources !== next.lists.resources) watch.bus.publish({ kind: "resources_list_changed" });
}

/** The bus of one endpoint, for createMcpHandler's `bus` option. */
export function endpointEventBus(projectId: string, environment: McpEnvironment): ServerEventBus {
  const key = `${projectId}:${environment}`;
  const watchOf = () => {
    let watch = watches.get(key);
    if (!watch) {
      watch = {
        bus: new InMemoryServerEventBus((error) => console.warn(`[mcp] list-changed listener failed: ${error.message}`)),
        listeners: 0,
      };
      watches.set(key, watch);
    }
    return watch;
  };
  return {
    publish: (event) => watchOf().bus.publish(event),
    subscribe: (listener) => {
      const watch = watchOf();
      const unsubscribe = watch.bus.subscribe(listener);
      watch.listeners++;
      if (!watch.timer) {
        // The baseline is what the listener's own session sees now; changes after it are published.
        readState(projectId, environment)
          .then((state) => {
            if (state && !watch.state) watch.state = state;
          })
          .catch((error: unknown) => console.warn(`[mcp] list-changed: reading ${key} failed: ${String(error)}`));
        watch.timer = setInterval(() => {
          check(projectId, environment, watch).catch((error: unknown) =>
            console.warn(`[mcp] list-changed: checking ${key} failed: ${String(error)}`),
          );
        }, LIST_CHANGED_POLL_MS);
        watch.timer.unref();
      }
      let live = true;
      return () => {
        if (!live) return;
        live = false;
        unsubscribe();
        watch.listeners--;
        if (watch.listeners === 0) {
          clearInterval(watch.timer);
          watches.delete(key);
        }
      };
    },
  };
}
