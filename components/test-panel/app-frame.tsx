"use client";

// Renders a component the way MCP Apps hosts do, with the host side of
// @modelcontextprotocol/ext-apps (AppBridge over PostMessageTransport), not hand-written
// postMessage code: a sandboxed iframe (scripts only, never same-origin with the studio) whose
// document comes from /component-frame with the component's CSP as a response header; nothing is
// sent to the view before its `ui/initialize`; tool input and result follow `initialized`.
import { AppBridge, PostMessageTransport, type McpUiHostContext } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { CallToolRequest, CallToolResult, JSONRPCMessage, ReadResourceResult } from "@modelcontextprotocol/client";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { ViewMessageLog, type ViewMessage } from "./view-message-log";

export type AppCsp = { connectDomains?: string[]; resourceDomains?: string[]; frameDomains?: string[]; baseUriDomains?: string[] };
export type AppToolResult = { content?: CallToolResult["content"]; structuredContent?: unknown; isError?: boolean };

/** What the frame loads: a served document (resources/read), an HTML component as written, or a TSX module. */
export type AppDocument = { kind: "document" | "html" | "tsx"; text: string; csp?: AppCsp; name?: string };

/** What the view may ask of the host beyond messages and links; absent = answered with an error. */
export type ViewHost = {
  callTool: (params: CallToolRequest["params"]) => Promise<CallToolResult>;
  readResource: (uri: string) => Promise<ReadResourceResult>;
};

const DEFAULT_HEIGHT = 260;
const MAX_HEIGHT = 900;
/** How long a view may take to send ui/initialize and ui/notifications/initialized. */
export const HANDSHAKE_WARNING_MS = 4000;

const noSubscription = () => () => {};

function describe(message: JSONRPCMessage): string {
  if ("method" in message) return message.method;
  if ("error" in message) return `error response #${String(message.id)}`;
  return `response #${String((message as { id?: unknown }).id)}`;
}

function hostContext(width: number, theme: "light" | "dark"): McpUiHostContext {
  return {
    theme,
    displayMode: "inline",
    availableDisplayModes: ["inline"],
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    platform: "web",
    userAgent: "Atelier studio",
    containerDimensions: { width, maxHeight: MAX_HEIGHT },
  };
}

export function AppFrame({
  document,
  toolInput,
  toolResult,
  title,
  host,
}: {
  document: AppDocument;
  toolInput?: Record<string, unknown>;
  toolResult?: AppToolResult;
  title: string;
  host?: ViewHost;
}) {
  const frameName = `component-frame-${useId().replace(/[^a-zA-Z0-9-]/g, "")}`;
  const frameRef = useRef<HTMLIFrameElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [height, setHeight] = useState(DEFAULT_HEIGHT);
  const [messages, setMessages] = useState<ViewMessage[]>([]);
  const [handshake, setHandshake] = useState<"waiting" | "done" | "missing">("waiting");
  const [theme, setTheme] = useState<"light" | "dark">("light");
  const bridgeRef = useRef<AppBridge | null>(null);
  // Rendered only in the browser: the bridge must listen before the document loads.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const latest = useRef({ toolInput, toolResult, host });
  latest.current = { toolInput, toolResult, host };

  // biome-ignore lint/correctness/useExhaustiveDependencies: one bridge per frame; the parent re-keys the frame for a new document, and the handlers read the latest props through a ref.
  useEffect(() => {
    const frame = frameRef.current;
    const view = frame?.contentWindow;
    if (!frame || !view || !formRef.current) return;
    const log = (direction: ViewMessage["direction"], message: JSONRPCMessage, note?: string) =>
      setMessages((previous) => [
        ...previous.slice(-199),
        { direction, method: describe(message), size: JSON.stringify(message).length, at: Date.now(), note },
      ]);

    const bridge = new AppBridge(
      null,
      { name: "Atelier studio", version: "1.0.0" },
      {
        openLinks: {},
        serverTools: {},
        serverResources: {},
        logging: {},
        message: { text: {} },
        updateModelContext: { text: {} },
        sandbox: { csp: document.csp ?? {} },
      },
      { hostContext: hostContext(frame.clientWidth, theme) },
    );
    bridgeRef.current = bridge;
    bridge.oninitialized = () => {
      setHandshake("done");
      const { toolInput: input, toolResult: result } = latest.current;
      if (input) void bridge.sendToolInput({ arguments: input });
      if (result) {
        void bridge.sendToolResult({
          content: result.content ?? [],
          ...(result.structuredContent !== undefined ? { structuredContent: result.structuredContent as Record<string, unknown> } : {}),
          ...(result.isError ? { isError: true } : {}),
        });
      }
    };
    bridge.onsizechange = ({ height: next }) => {
      if (typeof next === "number" && Number.isFinite(next) && next > 0) setHeight(Math.min(Math.ceil(next), MAX_HEIGHT));
    };
    bridge.oncalltool = async (params) => {
      const current = latest.current.host;
      if (!current) throw new Error("The preview cannot call tools: run the UI Tool in its test panel to try calls from the view.");
      return current.callTool(params);
    };
    bridge.onreadresource = async ({ uri }) => {
      const current = latest.current.host;
      if (!current) throw new Error("The preview cannot read resources: run the UI Tool in its test panel.");
      if (!uri.startsWith("ui://")) throw new Error("A view can read only the project's ui:// resources.");
      return current.readResource(uri);
    };
    bridge.onmessage = async (params) => {
      const text = params.content.map((block) => (block.type === "text" ? block.text : `[${block.type}]`)).join(" ");
      setMessages((previous) => [...previous, { direction: "note", method: "ui/message", size: text.length, at: Date.now(), note: text }]);
      return {};
    };
    bridge.onopenlink = async ({ url }) => {
      const safe = /^https?:\/\//i.test(url);
      // Links leave the studio only after the builder agrees, as hosts ask their users.
      if (safe && window.confirm(`The component wants to open:\n\n${url}\n\nOpen it in a new tab?`)) {
        window.open(url, "_blank", "noopener,noreferrer");
        return {};
      }
      return { isError: true };
    };
    bridge.onrequestdisplaymode = async () => ({ mode: "inline" });
    bridge.onupdatemodelcontext = async () => ({});
    bridge.onloggingmessage = (params) =>
      setMessages((previous) => [
        ...previous,
        { direction: "note", method: "notifications/message", size: 0, at: Date.now(), note: JSON.stringify(params.data) },
      ]);

    const transport = new PostMessageTransport(view, view);
    const send = transport.send.bind(transport);
    transport.send = (message, options) => {
      log("to-view", message);
      return send(message, options);
    };
    let closed = false;
    let warning: ReturnType<typeof setTimeout> | undefined;
    void bridge.connect(transport).then(() => {
      if (closed) return;
      const receive = transport.onmessage;
      transport.onmessage = (message, extra) => {
        log("from-view", message);
        receive?.(message, extra);
      };
      formRef.current?.submit();
      warning = setTimeout(() => setHandshake((state) => (state === "done" ? state : "missing")), HANDSHAKE_WARNING_MS);
    });
    return () => {
      closed = true;
      clearTimeout(warning);
      void bridge.close();
    };
  }, [hydrated]);

  // The host's theme changes as hosts change it: ui/notifications/host-context-changed.
  const switchTheme = (next: "light" | "dark") => {
    setTheme(next);
    bridgeRef.current?.setHostContext({ ...hostContext(frameRef.current?.clientWidth ?? 0, next) });
  };

  if (!hydrated) return <div style={{ height }} className="rounded-lg border border-line bg-white" aria-hidden="true" />;
  return (
    <div className="space-y-2">
      {handshake === "missing" && (
        <Alert tone="warning" title="This component never completed the MCP Apps handshake">
          This component never sent ui/initialize: hosts will show nothing. Use the App client (<code>new McpApps.App(…).connect()</code>)
          so claude.ai, ChatGPT and other hosts deliver its data.
        </Alert>
      )}
      <form ref={formRef} method="post" action="/component-frame" target={frameName} className="hidden" aria-hidden="true">
        <input type="hidden" name="kind" value={document.kind} />
        <input type="hidden" name="text" value={document.text} />
        <input type="hidden" name="csp" value={JSON.stringify(document.csp ?? {})} />
        <input type="hidden" name="name" value={document.name ?? "preview"} />
      </form>
      <iframe
        ref={frameRef}
        name={frameName}
        title={title}
        sandbox="allow-scripts"
        style={{ height }}
        className={`block w-full rounded-lg border border-line ${theme === "dark" ? "bg-neutral-900" : "bg-white"}`}
      />
      <div className="flex items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-xs text-muted">
          Host theme
          <select
            value={theme}
            onChange={(event) => switchTheme(event.target.value as "light" | "dark")}
            className="rounded-control border border-line-strong bg-surface px-1.5 py-0.5 text-xs text-fg"
          >
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </div>
      <ViewMessageLog messages={messages} handshakeDone={handshake === "done"} />
    </div>
  );
}
