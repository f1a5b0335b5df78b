// What a new component starts from: the smallest MCP App that shows the tool result it receives.
export const STARTER_HTML = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 16px; color: #1f2937; }
  pre { background: #f3f4f6; border-radius: 8px; padding: 12px; white-space: pre-wrap; }
</style>
</head>
<body>
<pre id="props">Waiting for data…</pre>
<script>
  // MCP Apps: the host posts the tool result to the component.
  window.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.method !== "ui/notifications/tool-result") return;
    const props = (message.params && message.params.structuredContent) || {};
    document.getElementById("props").textContent = JSON.stringify(props, null, 2);
  });
</script>
</body>
</html>
`;

export const STARTER_PREVIEW_DATA: Record<string, unknown> = { title: "Hello from the preview" };
