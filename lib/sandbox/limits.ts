import type { SandboxLimits } from "./types";

// Per-tool limits are configurable within these bounds (SPEC §3: default 60 s and 128 MB).
export const SANDBOX_LIMITS = {
  timeoutMs: { min: 100, max: 60_000, default: 60_000 },
  memoryMb: { min: 16, max: 512, default: 128 },
};

// Fixed caps that protect the host process and the execution record, not configurable per tool.
export const MAX_OUTPUT_BYTES = 1024 * 1024;
export const MAX_LOG_ENTRIES = 200;
export const MAX_LOG_MESSAGE_CHARS = 8 * 1024;
// Messages are cut inside the isolate at this size so a runaway string is never copied out whole;
// the host redacts secrets before applying the smaller MAX_LOG_MESSAGE_CHARS cut.
export const MAX_LOG_TRANSFER_CHARS = 64 * 1024;
export const MAX_FETCH_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_FETCH_REDIRECTS = 5;
// Requests one call may have in flight at once; more wait their turn (browsers allow 6 per host).
export const MAX_CONCURRENT_FETCHES_PER_CALL = 6;
// Thrown errors are cut inside the isolate, like outputs, so a giant message is never copied out.
export const MAX_ERROR_MESSAGE_CHARS = 8 * 1024;
export const MAX_ERROR_STACK_CHARS = 16 * 1024;

export function clampLimits(limits: Partial<SandboxLimits> = {}): SandboxLimits {
  return {
    timeoutMs: clamp(limits.timeoutMs, SANDBOX_LIMITS.timeoutMs),
    memoryMb: clamp(limits.memoryMb, SANDBOX_LIMITS.memoryMb),
  };
}

function clamp(value: number | undefined, bounds: { min: number; max: number; default: number }) {
  if (value === undefined || !Number.isFinite(value)) return bounds.default;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));
}
