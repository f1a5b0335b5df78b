// Ready-to-paste host configurations for an endpoint URL and the kind of token it takes.

export const TOKEN_PLACEHOLDER = "<paste token>";

export type EndpointKind = "draft" | "production";

const TOKEN_VARIABLE: Record<EndpointKind, string> = { draft: "ATELIER_DRAFT_TOKEN", production: "ATELIER_PRODUCTION_TOKEN" };

/** mcp-remote refuses plain HTTP except on localhost; self-hosted HTTP installs need --allow-http. */
function needsAllowHttp(url: string) {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

/** Claude Desktop's claude_desktop_config.json, bridging to the remote endpoint with mcp-remote and a bearer token. */
export function claudeDesktopConfig({ url, serverName, endpoint = "draft" }: { url: string; serverName: string; endpoint?: EndpointKind }) {
  const variable = TOKEN_VARIABLE[endpoint];
  const args = ["mcp-remote", url, "--header", `Authorization: Bearer \${${variable}}`, ...(needsAllowHttp(url) ? ["--allow-http"] : [])];
  return JSON.stringify({ mcpServers: { [serverName]: { command: "npx", args, env: { [variable]: TOKEN_PLACEHOLDER } } } }, null, 2);
}

/** MCP Inspector in CLI mode (the mode that sends headers), listing the tools. */
export function inspectorCommand(url: string, endpoint: EndpointKind = "draft") {
  const variable = TOKEN_VARIABLE[endpoint];
  return [
    `export ${variable}="${TOKEN_PLACEHOLDER}"`,
    `npx @modelcontextprotocol/inspector --cli ${url} --transport streamable-http --header "Authorization: Bearer $${variable}" --method tools/list`,
  ].join("\n");
}

/** MCP Inspector's web UI, preconnected to the URL; the Authorization header is added in its UI. */
export function inspectorUiCommand(url: string) {
  return `npx @modelcontextprotocol/inspector --transport streamable-http --server-url ${url}`;
}
