// Server-only: runs Data Tool handlers in isolated-vm. See run-handler.ts for how limits work
// and content-helper.ts for the `mcp` helper available to handlers.
export { checkHandlerSyntax } from "./check-handler-syntax";
export { SANDBOX_LIMITS } from "./limits";
export { redactSecrets } from "./redact-secrets";
export { runHandler, type RunHandlerOptions } from "./run-handler";
export type { LogEntry, McpEventListener, SandboxEnv, SandboxErrorType, SandboxLimits } from "./types";
