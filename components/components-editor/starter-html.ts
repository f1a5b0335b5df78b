// What a new component starts from: the smallest MCP App that shows the tool result it receives,
// written on the ext-apps App API so it renders in every spec-compliant host.

// Atelier inlines the App client into the served document as `window.McpApps` (no CDN, no
// resource domain needed): the component connects, then the host delivers the tool result.
export const STARTER_HTML = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #1f2937; }
  [data-theme="dark"] body { color: #e5e7eb; }
  pre { background: #f3f4f6; border-radius: 8px; padding: 12px; white-space: pre-wrap; }
  [data-theme="dark"] pre { background: #1f2937; }
</style>
</head>
<body>
<pre id="props">Waiting for data…</pre>
<script type="module">
  // MCP Apps: connect with the App client, then the host sends the tool input and result.
  const { App, applyDocumentTheme } = window.McpApps;
  const app = new App({ name: "my-component", version: "1.0.0" }, {}, { autoResize: true });
  app.ontoolresult = (result) => {
    const data = result.structuredContent ?? result.content;
    document.getElementById("props").textContent = JSON.stringify(data, null, 2);
  };
  app.onhostcontextchanged = (context) => context.theme && applyDocumentTheme(context.theme);
  await app.connect();
  const theme = app.getHostContext()?.theme;
  if (theme) applyDocumentTheme(theme);
</script>
</body>
</html>
`;

// A TSX component default-exports a React component; Atelier mounts it, connects the App client
// and passes { input, result, hostContext, app } (README "Writing tools").
export const STARTER_TSX = `import { useState } from "react";
import type { App } from "@modelcontextprotocol/ext-apps";

type Props = {
  /** The tool's arguments (ui/notifications/tool-input). */
  input?: Record<string, unknown>;
  /** The tool's result (ui/notifications/tool-result). */
  result?: { structuredContent?: Record<string, unknown>; content?: unknown[] };
  /** Theme, locale, display mode… as the host describes itself. */
  hostContext?: { theme?: "light" | "dark" };
  /** The connected App client: callServerTool, sendMessage, openLink… */
  app: App;
};

export default function View({ result, hostContext, app }: Props) {
  const [sent, setSent] = useState(false);
  const data = result?.structuredContent;
  const dark = hostContext?.theme === "dark";
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", padding: 16, color: dark ? "#e5e7eb" : "#1f2937" }}>
      {data ? <pre style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(data, null, 2)}</pre> : <p>Waiting for data…</p>}
      <button
        type="button"
        disabled={sent}
        onClick={async () => {
          await app.sendMessage({ role: "user", content: [{ type: "text", text: "Tell me more about this." }] });
          setSent(true);
        }}
      >
        {sent ? "Asked" : "Ask for more"}
      </button>
    </main>
  );
}
`;

export const STARTER_PREVIEW_DATA: Record<string, unknown> = { title: "Hello from the preview" };
