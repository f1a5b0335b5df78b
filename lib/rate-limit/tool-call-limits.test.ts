import { describe, expect, it } from "vitest";
import { PROJECT_RATE_LIMITS } from "./limits";
import { toolCallRules } from "./tool-call-limits";

const limits = { dataToolCallsPerMinute: 60, anonymousCallsPerHour: 120, anonymousBurst: 10, credentialCallsPerMinute: 300 };
const rulesOf = (options: Partial<Parameters<typeof toolCallRules>[0]>) =>
  toolCallRules({ projectId: "p1", limits, caller: { kind: "anonymous" }, clientIp: "203.0.113.9", isDataTool: true, ...options }).map(
    ({ rule, code }) => ({ rule, code }),
  );

describe("toolCallRules", () => {
  it("limits an anonymous caller by IP with a token bucket (burst, per hour), and the project's Data Tool calls per minute", () => {
    expect(rulesOf({})).toEqual([
      {
        code: "anonymous_calls_per_hour",
        rule: { kind: "bucket", key: "{p1}:anonymous:203.0.113.9", capacity: 10, refillPerSecond: 120 / 3600 },
      },
      { code: "data_tool_calls_per_minute", rule: { kind: "window", key: "{p1}:data-tools", limit: 60, windowMs: 60_000 } },
    ]);
  });

  it("gives anonymous callers without an IP one shared bucket", () => {
    expect(rulesOf({ clientIp: null })[0].rule.key).toBe("{p1}:anonymous:unknown");
  });

  it("limits each credential on its own per minute, whatever the IP", () => {
    const keys = [
      rulesOf({ caller: { kind: "draft_token" } }),
      rulesOf({ caller: { kind: "production_token", tokenId: "t1", name: "CI" } }),
      rulesOf({ caller: { kind: "oauth", grantId: "g1", userId: "u1", clientName: "Claude" } }),
    ].map((rules) => rules[0]);
    expect(keys).toEqual([
      { code: "credential_calls_per_minute", rule: { kind: "window", key: "{p1}:credential:draft", limit: 300, windowMs: 60_000 } },
      { code: "credential_calls_per_minute", rule: { kind: "window", key: "{p1}:credential:production:t1", limit: 300, windowMs: 60_000 } },
      { code: "credential_calls_per_minute", rule: { kind: "window", key: "{p1}:credential:oauth:g1", limit: 300, windowMs: 60_000 } },
    ]);
  });

  it("does not count UI Tool calls against the Data Tool limit", () => {
    expect(rulesOf({ caller: { kind: "draft_token" }, isDataTool: false }).map(({ code }) => code)).toEqual([
      "credential_calls_per_minute",
    ]);
  });

  it("has the spec's defaults", () => {
    expect(PROJECT_RATE_LIMITS.dataToolCallsPerMinute.default).toBe(60);
    expect([PROJECT_RATE_LIMITS.anonymousCallsPerHour.default, PROJECT_RATE_LIMITS.anonymousBurst.default]).toEqual([60, 10]);
  });
});
