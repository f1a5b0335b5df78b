"use client";

// The messages exchanged with a component's view (JSON-RPC over postMessage), for a builder to
// open when a component misbehaves: direction, method, size.
export type ViewMessage = { direction: "to-view" | "from-view" | "note"; method: string; size: number; at: number; note?: string };

const ARROWS = { "to-view": "→ view", "from-view": "← view", note: "• view" } as const;

export function ViewMessageLog({ messages, handshakeDone }: { messages: ViewMessage[]; handshakeDone: boolean }) {
  return (
    <details className="rounded-lg border border-line text-xs">
      <summary className="cursor-pointer px-3 py-1.5 text-muted">
        Messages with the view ({messages.length}){handshakeDone ? " · handshake complete" : ""}
      </summary>
      <ol aria-label="Messages with the view" className="max-h-60 overflow-auto border-t border-line font-mono">
        {messages.map((message, index) => (
          <li key={index} className="flex gap-3 px-3 py-1 odd:bg-subtle">
            <span className="w-14 shrink-0 text-muted">{ARROWS[message.direction]}</span>
            <span className="min-w-0 flex-1 truncate" title={message.note ?? message.method}>
              {message.method}
              {message.note ? `: ${message.note}` : ""}
            </span>
            <span className="shrink-0 text-muted">{message.size} B</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
