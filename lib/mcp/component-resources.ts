// Components as MCP Apps resources: `ui://{projectSlug}/{name}`, HTML with the MCP Apps profile,
// and the component's declared domains as `_meta.ui.csp`, which the host turns into the iframe's
// CSP, plus `prefersBorder`. A plain HTML component that uses the ext-apps App client
// (`window.McpApps`) is served with the client inlined (lib/components/app-runtime.ts); a TSX
// component's compiled document already carries it.
import type { Resource, TextResourceContents } from "@modelcontextprotocol/server";
import { withAppRuntime } from "@/lib/components/app-runtime";
import { cspSource } from "@/lib/components/component-csp";
import { componentNameFromUri, componentUri } from "./component-uri";
import type { ComponentCsp, ServedComponent } from "./types";

export const MCP_APP_MIME_TYPE = "text/html;profile=mcp-app";

const CSP_KEYS = ["connectDomains", "resourceDomains", "frameDomains", "baseUriDomains"] as const;

export function describeComponent(component: ServedComponent, projectSlug: string): Resource {
  return {
    uri: componentUri(projectSlug, component.name),
    name: component.name,
    ...(component.title ? { title: component.title } : {}),
    ...(component.description ? { description: component.description } : {}),
    mimeType: MCP_APP_MIME_TYPE,
    _meta: { ui: uiMeta(component) },
  };
}

export async function readComponent(components: ServedComponent[], uri: string, projectSlug: string): Promise<TextResourceContents | null> {
  const name = componentNameFromUri(uri, projectSlug);
  const component = name === null ? undefined : components.find((candidate) => candidate.name === name);
  if (!component) return null;
  return { uri, mimeType: MCP_APP_MIME_TYPE, text: await servedDocument(component), _meta: { ui: uiMeta(component) } };
}

/** The document a host receives for a component. */
export function servedDocument(component: Pick<ServedComponent, "html" | "kind">): Promise<string> {
  return component.kind === "tsx" ? Promise.resolve(component.html) : withAppRuntime(component.html);
}

function uiMeta(component: ServedComponent) {
  return { csp: hostCsp(component.csp), prefersBorder: component.prefersBorder ?? true };
}

/**
 * Only the declared lists, each entry as an origin. Components may declare bare host names
 * (`api.example.com`); hosts build CSP source lists from these values and a scheme-less source in
 * a sandboxed frame matches unpredictably, so bare names are served as `https://` origins.
 */
function hostCsp(csp: ComponentCsp): ComponentCsp {
  const result: ComponentCsp = {};
  for (const key of CSP_KEYS) {
    const domains = csp[key];
    if (domains?.length) result[key] = domains.map(cspSource);
  }
  return result;
}
