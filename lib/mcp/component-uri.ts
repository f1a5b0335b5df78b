// The URI scheme of component resources (MCP Apps): `ui://{projectSlug}/{componentName}`.
//
// Why this shape: the project slug scopes the name so two projects connected to the same host
// never collide, and the URI is stable across draft edits and publishes, so a tool's
// `_meta.ui.resourceUri` and the component references a UI Tool's props carry keep working.
// The endpoint (draft or production) is not part of the URI: each endpoint is its own MCP server
// and hosts keep resources per server. Content is read at `resources/read` time, never cached here.
const UI_SCHEME = "ui://";

export function componentUri(projectSlug: string, componentName: string): string {
  return `${UI_SCHEME}${projectSlug}/${componentName}`;
}

export function isUiUri(value: string): boolean {
  return value.startsWith(UI_SCHEME);
}

/** The component name a `ui://` URI names in this project, or null for anything else. */
export function componentNameFromUri(uri: string, projectSlug: string): string | null {
  const prefix = componentUri(projectSlug, "");
  if (!uri.startsWith(prefix)) return null;
  const name = uri.slice(prefix.length);
  return name.length > 0 && !name.includes("/") ? name : null;
}
