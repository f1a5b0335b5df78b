// resources/list, resources/templates/list and resources/read for the static resources and
// resource templates of a served snapshot (components stay in lib/mcp/component-resources.ts).
// A template's URI is matched with the SDK's RFC 6570 matcher (the one McpServer uses), and its
// handler runs in the Data Tool sandbox with the variables as props.
import { ProtocolError, ProtocolErrorCode, type Resource, UriTemplate } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type LogEntry, type McpEventListener, runHandler } from "@/lib/sandbox";
import type { RenderContext } from "@/lib/prompts/render-prompt";

export type ServedResource = {
  name: string;
  kind: "static" | "template";
  uri: string;
  title: string;
  description: string;
  mimeType: string;
  text: string | null;
  blob: string | null;
  handler: string;
  completions: Record<string, string[] | string>;
};

/** An entry of resources/templates/list. */
export type ListedResourceTemplate = { uriTemplate: string; name: string; title?: string; description?: string; mimeType: string };

export type ResourceContents = { uri: string; mimeType?: string; text: string } | { uri: string; mimeType?: string; blob: string };

function describe(resource: ServedResource) {
  return {
    name: resource.name,
    ...(resource.title ? { title: resource.title } : {}),
    ...(resource.description ? { description: resource.description } : {}),
    mimeType: resource.mimeType,
  };
}

export function listStaticResources(resources: ServedResource[]): Resource[] {
  return resources.filter((resource) => resource.kind === "static").map((resource) => ({ uri: resource.uri, ...describe(resource) }));
}

export function listResourceTemplates(resources: ServedResource[]): ListedResourceTemplate[] {
  return resources
    .filter((resource) => resource.kind === "template")
    .map((resource) => ({ uriTemplate: resource.uri, ...describe(resource) }));
}

/** The template a URI instantiates, with its variables (the first match in name order). */
export function matchTemplate(
  resources: ServedResource[],
  uri: string,
): { resource: ServedResource; variables: Record<string, string | string[]> } | null {
  for (const resource of resources) {
    if (resource.kind !== "template") continue;
    const variables = new UriTemplate(resource.uri).match(uri);
    if (variables) return { resource, variables };
  }
  return null;
}

const handlerContents = z.union([
  z.object({ uri: z.string().optional(), mimeType: z.string().optional(), text: z.string() }).strict(),
  z
    .object({
      uri: z.string().optional(),
      mimeType: z.string().optional(),
      blob: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"),
    })
    .strict(),
]);
const handlerOutput = z.union([z.string(), handlerContents, z.array(handlerContents).min(1)]);

/**
 * The contents of a static resource or of a template instance; null when no resource or template
 * of the snapshot has this URI (the caller answers "resource not found").
 */
export async function readResource(
  resources: ServedResource[],
  uri: string,
  context: RenderContext,
  /** mcp.log / mcp.progress / mcp.elicit / mcp.sample of a template's handler (lib/mcp/handler-notifications.ts). */
  onMcpEvent?: McpEventListener,
): Promise<{ contents: ResourceContents[]; logs: LogEntry[] } | null> {
  const fixed = resources.find((resource) => resource.kind === "static" && resource.uri === uri);
  if (fixed) {
    const contents: ResourceContents =
      fixed.blob !== null ? { uri, mimeType: fixed.mimeType, blob: fixed.blob } : { uri, mimeType: fixed.mimeType, text: fixed.text ?? "" };
    return { contents: [contents], logs: [] };
  }
  const matched = matchTemplate(resources, uri);
  if (!matched) return null;
  const { resource, variables } = matched;
  // Like a prompt handler: the variables, no secrets, no network.
  const run = await runHandler({
    code: resource.handler,
    props: variables,
    env: {
      secrets: {},
      organizationId: context.organizationId,
      projectId: context.projectId,
      environment: context.environment,
      locale: context.locale,
    },
    allowedDomains: [],
    onMcpEvent,
  });
  if (!run.ok)
    throw new ProtocolError(ProtocolErrorCode.InternalError, `The handler of resource template ${resource.name} failed: ${run.message}`);
  const parsed = handlerOutput.safeParse(run.output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProtocolError(
      ProtocolErrorCode.InternalError,
      `The handler of resource template ${resource.name} returned ${issue.path.join(".") || "a value"} that is not resource contents (${issue.message}). Return a string, { text } or { blob } (base64), or a list of them.`,
    );
  }
  const items = typeof parsed.data === "string" ? [{ text: parsed.data }] : Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const contents = items.map((item): ResourceContents => ({ ...item, uri: item.uri ?? uri, mimeType: item.mimeType ?? resource.mimeType }));
  return { contents, logs: run.logs };
}
