// The ext-apps App client, made available to plain HTML components without any network access:
// Atelier inlines it into the served `ui://` document (draft, production, packages, the studio
// alike) as `window.McpApps`, so a component works under a host's CSP with no resource domains.
//
// Decision: it is inlined only into documents that mention `McpApps` (about 400 kB minified; a
// component that does not use it stays as written), and it is built once per server process
// from the installed @modelcontextprotocol/ext-apps, so every component gets the same client.
import { bundleModules } from "./bundle";

export const APP_RUNTIME_GLOBAL = "McpApps";

const RUNTIME_ENTRY = `export { App, PostMessageTransport, applyDocumentTheme, applyHostStyleVariables, applyHostFonts, getDocumentTheme } from "@modelcontextprotocol/ext-apps";`;

let runtime: Promise<string> | null = null;

/** The App client as a classic script that defines `window.McpApps`. */
export function appRuntimeScript(): Promise<string> {
  runtime ??= bundleModules(
    { "atelier:app-runtime": { contents: RUNTIME_ENTRY, loader: "ts" } },
    {
      format: "iife",
      globalName: APP_RUNTIME_GLOBAL,
    },
  ).catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}

export function usesAppRuntime(html: string): boolean {
  return html.includes(APP_RUNTIME_GLOBAL);
}

// Before anything the author wrote, right after the doctype: the parser puts a script there in
// <head> whatever the rest of the markup says, and the author's scripts run after it.
const LEADING_DOCTYPE = /^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype[^>]*>/i;

/** The document as served: with the App client inlined when the component uses it. */
export async function withAppRuntime(html: string): Promise<string> {
  if (!usesAppRuntime(html)) return html;
  const script = `<script>${await appRuntimeScript()}</script>`;
  const doctype = LEADING_DOCTYPE.exec(html)?.[0] ?? "";
  return `${doctype}${script}${html.slice(doctype.length)}`;
}
