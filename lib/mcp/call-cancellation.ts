// How a running tools/call learns that its client cancelled it, in both protocol eras, so the
// handler stops (runHandler's `signal`) instead of running on until its timeout:
//
// - 2026-07-28: the client aborts the request's HTTP exchange. The SDK's per-request transport
//   closes when request.signal aborts (Next aborts it when the client disconnects), which aborts
//   the handler's `ctx.mcpReq.signal`.
// - 2025-11-25: the client sends `notifications/cancelled { requestId }`. Served statelessly,
//   that notification is a separate POST answered by a fresh server instance that never saw the
//   call, so the SDK's own per-instance bookkeeping cannot find it. Calls in flight are therefore
//   registered here, keyed by endpoint, credential, client address and JSON-RPC id; the
//   notification's server looks its call up and aborts it. An anonymous caller has no credential
//   to bind a cancellation to, so only closing its connection stops its call. In-memory: with
//   several instances, a notification that reaches another instance than its call does nothing
//   (the call still ends at its time limit).
import "server-only";
import type { McpCaller, ServeContext } from "./types";

type CallKey = string;
const inFlight = new Map<CallKey, Set<AbortController>>();

type CancelContext = Pick<ServeContext, "environment" | "caller" | "clientIp"> & { projectId: string };

function credentialOf(caller: McpCaller): string | null {
  switch (caller.kind) {
    case "anonymous":
      return null;
    case "draft_token":
      return "draft_token";
    case "production_token":
      return `production_token:${caller.tokenId}`;
    case "oauth":
      return `oauth:${caller.grantId}`;
    case "test_panel":
      return `test_panel:${caller.credentialId}`;
  }
}

function keyOf(context: CancelContext, requestId: string | number): CallKey | null {
  const credential = credentialOf(context.caller);
  if (!credential) return null;
  return JSON.stringify([context.projectId, context.environment, credential, context.clientIp, typeof requestId, requestId]);
}

/**
 * The signal a tools/call's handler runs under: aborted when the request's own signal is (the
 * connection closed, or a same-instance notification), or by `cancelCall` for its id. Call
 * `release` once the call has finished.
 */
export function watchCancellation(
  context: CancelContext,
  request: { id: string | number; signal: AbortSignal },
): { signal: AbortSignal; release: () => void } {
  const key = keyOf(context, request.id);
  if (!key) return { signal: request.signal, release: () => {} };
  const controller = new AbortController();
  const calls = inFlight.get(key) ?? new Set();
  calls.add(controller);
  inFlight.set(key, calls);
  return {
    signal: AbortSignal.any([request.signal, controller.signal]),
    release: () => {
      calls.delete(controller);
      if (calls.size === 0 && inFlight.get(key) === calls) inFlight.delete(key);
    },
  };
}

/** `notifications/cancelled` from the same caller: stops its call with that id, if one runs here. */
export function cancelCall(context: CancelContext, params: { requestId?: string | number; reason?: string }) {
  if (params.requestId === undefined) return;
  const key = keyOf(context, params.requestId);
  if (!key) return;
  for (const controller of inFlight.get(key) ?? []) controller.abort(params.reason ?? "Cancelled by the client");
}
