"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

export type AppCsp = { connectDomains?: string[]; resourceDomains?: string[]; frameDomains?: string[]; baseUriDomains?: string[] };
export type AppToolResult = { content?: unknown[]; structuredContent?: unknown; isError?: boolean };

const DEFAULT_HEIGHT = 260;
const MAX_HEIGHT = 900;

/**
 * The policy an MCP Apps host derives from the resource's `_meta.ui.csp`: nothing from the
 * network unless declared, inline script and style allowed. Injected as a <meta> tag so the
 * preview fails the same way the component would in a host.
 */
export function contentSecurityPolicy(csp: AppCsp = {}): string {
  const list = (domains?: string[]) => (domains?.length ? ` ${domains.join(" ")}` : "");
  const resources = list(csp.resourceDomains);
  return [
    "default-src 'none'",
    `script-src 'unsafe-inline'${resources}`,
    `style-src 'unsafe-inline'${resources}`,
    `img-src data: blob:${resources}`,
    `font-src data:${resources}`,
    `media-src data: blob:${resources}`,
    `connect-src${list(csp.connectDomains) || " 'none'"}`,
    `frame-src${list(csp.frameDomains) || " 'none'"}`,
    `base-uri${list(csp.baseUriDomains) || " 'none'"}`,
  ].join("; ");
}

function withCsp(html: string, csp: AppCsp | undefined): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(csp).replace(/"/g, "&quot;")}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${meta}`) : `${meta}${html}`;
}

const noSubscription = () => () => {};

type JsonRpcMessage = {
  jsonrpc?: string;
  id?: string | number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: unknown;
};

/**
 * Renders a component the way MCP Apps hosts do: a sandboxed iframe (scripts only, opaque origin)
 * that receives the tool input and result as `ui/notifications/tool-input` and
 * `ui/notifications/tool-result` once loaded. A component that starts the `ui/initialize`
 * handshake gets an answer and the notifications again after `ui/notifications/initialized`.
 */
export function AppFrame({
  html,
  csp,
  toolInput,
  toolResult,
  title,
}: {
  html: string;
  csp?: AppCsp;
  toolInput?: Record<string, unknown>;
  toolResult?: AppToolResult;
  title: string;
}) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(DEFAULT_HEIGHT);
  // Rendered only in the browser: a server-rendered frame could finish loading before React
  // attaches onLoad, and the component would never get its data.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const dataRef = useRef({ toolInput, toolResult });

  useEffect(() => {
    dataRef.current = { toolInput, toolResult };
  }, [toolInput, toolResult]);

  const post = (message: JsonRpcMessage) => frameRef.current?.contentWindow?.postMessage({ jsonrpc: "2.0", ...message }, "*");

  const deliver = () => {
    const { toolInput: input, toolResult: result } = dataRef.current;
    if (input) post({ method: "ui/notifications/tool-input", params: { arguments: input } });
    if (result)
      post({
        method: "ui/notifications/tool-result",
        params: {
          content: result.content ?? [],
          structuredContent: result.structuredContent,
          ...(result.isError ? { isError: true } : {}),
        },
      });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the listener is installed once per frame; it reads the latest values through refs.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frameRef.current?.contentWindow) return;
      const message = event.data as JsonRpcMessage | null;
      if (!message || message.jsonrpc !== "2.0" || !message.method) return;
      if (message.method === "ui/initialize" && message.id !== undefined) {
        post({
          id: message.id,
          result: {
            protocolVersion: typeof message.params?.protocolVersion === "string" ? message.params.protocolVersion : "2026-01-26",
            hostInfo: { name: "Atelier test panel", version: "1.0.0" },
            hostCapabilities: {},
            hostContext: { theme: "light", displayMode: "inline", platform: "web" },
          },
        });
      } else if (message.method === "ui/notifications/initialized") {
        deliver();
      } else if (message.method === "ui/notifications/size-changed") {
        const next = Number(message.params?.height);
        if (Number.isFinite(next) && next > 0) setHeight(Math.min(Math.ceil(next), MAX_HEIGHT));
      } else if (message.id !== undefined) {
        post({ id: message.id, error: { code: -32601, message: `${message.method} is not available in the test panel` } });
      }
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- post/deliver read refs only
  }, []);

  if (!hydrated) return <div style={{ height }} className="rounded-lg border border-line bg-white" aria-hidden="true" />;
  return (
    <iframe
      ref={frameRef}
      title={title}
      sandbox="allow-scripts"
      srcDoc={withCsp(html, csp)}
      onLoad={deliver}
      style={{ height }}
      className="block w-full rounded-lg border border-line bg-white"
    />
  );
}
