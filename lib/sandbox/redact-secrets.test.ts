import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it("replaces every occurrence of each secret", () => {
    const secrets = { API_KEY: "sk-123456", OTHER: "hunter22" };
    expect(redactSecrets("key sk-123456 and sk-123456, pw hunter22", secrets)).toBe("key [redacted] and [redacted], pw [redacted]");
  });

  it("leaves values shorter than 4 characters alone", () => {
    expect(redactSecrets("on and off", { FLAG: "on" })).toBe("on and off");
  });

  it("removes a longer secret whole when it contains a shorter one", () => {
    expect(redactSecrets("token abcd-efgh", { SHORT: "abcd", LONG: "abcd-efgh" })).toBe("token [redacted]");
  });
});
