// The limits of SPEC §8 on MCP tools/call (only tools/call: tools/list, resources and initialize
// are never limited). Checked before the call runs, with the project's live settings:
// - per caller: an anonymous caller of a public project by IP (token bucket: anonymousBurst at
//   once, anonymousCallsPerHour on average); any credential (draft token, production token,
//   OAuth grant) by credentialCallsPerMinute;
// - per project: Data Tool executions by dataToolCallsPerMinute, across draft and production and
//   all callers (UI Tool calls run no code and are not counted here).
// Keys carry the project id as a {hash tag}, so one check's keys live in one Redis slot.
import type { McpCaller } from "@/lib/mcp/types";
import type { ProjectRateLimits } from "./limits";
import { getRateLimiter } from "./rate-limiter";
import { retryAfterSeconds, type RateLimitRule } from "./rules";

export type ToolCallLimitCode = "anonymous_calls_per_hour" | "credential_calls_per_minute" | "data_tool_calls_per_minute";

export type ToolCallLimitDecision =
  | { allowed: true }
  | { allowed: false; code: ToolCallLimitCode; message: string; retryAfterSeconds: number };

const MINUTE_MS = 60_000;

type LimitedRule = { rule: RateLimitRule; code: ToolCallLimitCode; message: (retryAfter: number) => string };

export function toolCallRules(options: {
  projectId: string;
  limits: ProjectRateLimits;
  caller: McpCaller;
  clientIp: string | null;
  isDataTool: boolean;
}): LimitedRule[] {
  const { projectId, limits, caller } = options;
  const tag = `{${projectId}}`;
  const rules: LimitedRule[] = [];
  if (caller.kind === "anonymous") {
    // Callers whose IP the request does not tell share one bucket: without an address they
    // can't be told apart, and a shared limit is safer than none.
    rules.push({
      rule: {
        kind: "bucket",
        key: `${tag}:anonymous:${options.clientIp ?? "unknown"}`,
        capacity: limits.anonymousBurst,
        refillPerSecond: limits.anonymousCallsPerHour / 3600,
      },
      code: "anonymous_calls_per_hour",
      message: (retryAfter) =>
        `Rate limit exceeded: anonymous callers may make ${limits.anonymousCallsPerHour} calls per hour to this project (at most ${limits.anonymousBurst} at once). Retry after ${retryAfter} s, or connect with a token.`,
    });
  } else {
    rules.push({
      rule: {
        kind: "window",
        key: `${tag}:credential:${credentialId(caller)}`,
        limit: limits.credentialCallsPerMinute,
        windowMs: MINUTE_MS,
      },
      code: "credential_calls_per_minute",
      message: (retryAfter) =>
        `Rate limit exceeded: this credential may make ${limits.credentialCallsPerMinute} calls per minute. Retry after ${retryAfter} s.`,
    });
  }
  if (options.isDataTool) {
    rules.push({
      rule: { kind: "window", key: `${tag}:data-tools`, limit: limits.dataToolCallsPerMinute, windowMs: MINUTE_MS },
      code: "data_tool_calls_per_minute",
      message: (retryAfter) =>
        `Rate limit exceeded: this project runs at most ${limits.dataToolCallsPerMinute} Data Tool calls per minute. Retry after ${retryAfter} s.`,
    });
  }
  return rules;
}

function credentialId(caller: Exclude<McpCaller, { kind: "anonymous" }>): string {
  switch (caller.kind) {
    case "draft_token":
      return "draft"; // one draft token per project
    case "production_token":
      return `production:${caller.tokenId}`;
    case "oauth":
      return `oauth:${caller.grantId}`;
    case "test_panel":
      return `test_panel:${caller.userId}`; // one budget per member, however many tabs
  }
}

export async function checkToolCallLimits(options: Parameters<typeof toolCallRules>[0]): Promise<ToolCallLimitDecision> {
  const limited = toolCallRules(options);
  const decision = await getRateLimiter().check(limited.map((entry) => entry.rule));
  if (decision.allowed) return decision;
  const refused = limited[decision.rule];
  const retryAfter = retryAfterSeconds(decision.retryAfterMs);
  return { allowed: false, code: refused.code, message: refused.message(retryAfter), retryAfterSeconds: retryAfter };
}

/** The four settings of a project row; both endpoints' auth queries read them with the project, on every request. */
export function projectRateLimits(project: ProjectRateLimits): ProjectRateLimits {
  const { dataToolCallsPerMinute, anonymousCallsPerHour, anonymousBurst, credentialCallsPerMinute } = project;
  return { dataToolCallsPerMinute, anonymousCallsPerHour, anonymousBurst, credentialCallsPerMinute };
}
