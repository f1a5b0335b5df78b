// `mcp.log` and `mcp.progress` of a handler (lib/sandbox/content-helper.ts) → notifications to the
// client, on the response stream of the request that runs the handler (issue 13 §3).
// - notifications/message through the SDK's ctx.mcpReq.log, which applies the level the client
//   asked for: on a 2026-07-28 request, the per-request log level of its envelope (none: nothing
//   is sent); on a 2025-era request, the level set with logging/setLevel — which a stateless
//   server never remembers from another request, so every level is sent.
// - notifications/progress only when the request carried a progress token.
import type { ServerContext } from "@modelcontextprotocol/server";
import type { McpHandlerEvent } from "@/lib/sandbox";

export function handlerEventSender(ctx: ServerContext): (event: McpHandlerEvent) => void {
  const progressToken = ctx.mcpReq._meta?.progressToken;
  const failed = (error: unknown) => console.warn(`[mcp] a handler notification could not be sent: ${String(error)}`);
  return (event) => {
    if (event.kind === "log") {
      ctx.mcpReq.log(event.level, event.data).catch(failed);
      return;
    }
    if (progressToken === undefined) return;
    ctx.mcpReq
      .notify({
        method: "notifications/progress",
        params: {
          progressToken,
          progress: event.progress,
          ...(event.total === undefined ? {} : { total: event.total }),
          ...(event.message === undefined ? {} : { message: event.message }),
        },
      })
      .catch(failed);
  };
}
