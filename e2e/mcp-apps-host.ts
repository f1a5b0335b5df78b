// A minimal MCP Apps host, built only from @modelcontextprotocol/ext-apps' own host code (AppBridge,
// PostMessageTransport, the visibility helpers) and the MCP SDK client — not the studio's panel.
// It does what a spec-compliant host does: connects to the draft endpoint over MCP, keeps app-only
// tools away from its model, reads the tool's ui:// resource, calls the tool, renders the document
// in a sandboxed iframe, and hands input and result over through the bridge after `initialized`.
// The AppBridge gets the MCP client, so the view's tools/call and resources/read go to the server.
// The page is served by Playwright at a path of the studio's origin (same-origin MCP requests).
import { build } from "esbuild";

const HOST_ENTRY = `
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import {
  AppBridge,
  PostMessageTransport,
  getToolUiResourceUri,
  isToolVisibilityAppOnly,
} from "@modelcontextprotocol/ext-apps/app-bridge";

const log = [];
window.hostLog = log;

window.runHost = async ({ endpoint, token, toolName, args }) => {
  const client = new Client(
    { name: "ext-apps-minimal-host", version: "1.0.0" },
    {
      versionNegotiation: { mode: { pin: "2026-07-28" } },
      capabilities: { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } },
    },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint), { requestInit: { headers: { Authorization: "Bearer " + token } } }));
  const { tools } = await client.listTools();
  window.modelTools = tools.filter((tool) => !isToolVisibilityAppOnly(tool)).map((tool) => tool.name);
  const tool = tools.find((candidate) => candidate.name === toolName);
  const uri = getToolUiResourceUri(tool);
  const read = await client.readResource({ uri });
  const html = read.contents[0].text;
  const result = await client.callTool({ name: toolName, arguments: args });

  const frame = document.createElement("iframe");
  frame.title = "view";
  frame.setAttribute("sandbox", "allow-scripts");
  frame.style.cssText = "width: 600px; height: 400px; border: 1px solid #ccc";
  document.body.append(frame);
  const bridge = new AppBridge(
    client,
    { name: "ext-apps-minimal-host", version: "1.0.0" },
    { serverTools: {}, serverResources: {}, openLinks: {}, message: { text: {} } },
    { hostContext: { theme: "light", displayMode: "inline", platform: "web", locale: "en-US" } },
  );
  window.viewMessages = [];
  bridge.onmessage = async (params) => {
    window.viewMessages.push(params);
    return {};
  };
  bridge.oninitialized = () => {
    window.viewInitialized = true;
    bridge.sendToolInput({ arguments: args });
    bridge.sendToolResult(result);
  };
  const transport = new PostMessageTransport(frame.contentWindow, frame.contentWindow);
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    log.push(message.method ?? "response");
    return send(message, options);
  };
  await bridge.connect(transport);
  frame.srcdoc = html;
  return { uri };
};
`;

export const HOST_PAGE_PATH = "/__ext-apps-minimal-host";

let script: Promise<string> | null = null;

export async function hostPageHtml(): Promise<string> {
  script ??= build({
    stdin: { contents: HOST_ENTRY, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  }).then((result) => result.outputFiles[0].text);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Minimal MCP Apps host</title></head><body><script>${await script}</script></body></html>`;
}
