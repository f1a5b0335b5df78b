// Ready-to-paste host configurations for an endpoint URL.

export const TOKEN_PLACEHOLDER = "<paste token>";

/** mcp-remote refuses plain HTTP except on localhost; self-hosted HTTP installs need --allow-http. */
function needsAllowHttp(url: string) {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

/** Claude Desktop's claude_desktop_config.json, bridging to the remote endpoint with mcp-remote and the draft token. */
export function claudeDesktopConfig({ url, serverName }: { url: string; serverName: string }) {
  const args = ["mcp-remote", url, "--header", "Authorization: Bearer ${ATELIER_DRAFT_TOKEN}", ...(needsAllowHttp(url) ? ["--allow-http"] : [])];
  return JSON.stringify({ mcpServers: { [serverName]: { command: "npx", args, env: { ATELIER_DRAFT_TOKEN: TOKEN_PLACEHOLDER } } } }, null, 2);
}

/** MCP Inspector in CLI mode (the mode that sends headers), listing the tools. */
export function inspectorCommand(url: string) {
  return [
    `export ATELIER_DRAFT_TOKEN="${TOKEN_PLACEHOLDER}"`,
    `npx @modelcontextprotocol/inspector --cli ${url} --transport streamable-http --header "Authorization: Bearer $ATELIER_DRAFT_TOKEN" --method tools/list`,
  ].join("\n");
}

/** MCP Inspector's web UI, preconnected to the URL; the Authorization header is added in its UI. */
export function inspectorUiCommand(url: string) {
  return `npx @modelcontextprotocol/inspector --transport streamable-http --server-url ${url}`;
}
