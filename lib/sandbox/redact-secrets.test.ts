import { describe, expect, it } from "vitest";
import { longestSecretLength, redactSecrets } from "./redact-secrets";

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

describe("redactSecrets on trivially transformed values", () => {
  const secret = "sk-live-9f8e7d6c5b4a";
  const secrets = { API_KEY: secret };
  const redact = (text: string) => redactSecrets(text, secrets);

  it("catches a secret spaced out, with whitespace or invisible separators", () => {
    expect(redact(`k: ${secret.split("").join(" ")} .`)).toBe("k: [redacted] .");
    expect(redact(`k: ${secret.split("").join("\n\t")} .`)).toBe("k: [redacted] .");
    expect(redact(`k: ${secret.split("").join("\u200b")} .`)).toBe("k: [redacted] .");
  });

  it("catches a secret reversed, or in another letter case", () => {
    expect(redact(`k: ${[...secret].reverse().join("")}`)).toBe("k: [redacted]");
    expect(redact(`k: ${[...secret].reverse().join(" ")}`)).toBe("k: [redacted]");
    expect(redact(`k: ${secret.toUpperCase()}`)).toBe("k: [redacted]");
  });

  it("catches base64 and base64url, alone or inside a longer base64 text", () => {
    expect(redact(Buffer.from(secret).toString("base64"))).toBe("[redacted]");
    expect(redact(Buffer.from(secret).toString("base64url"))).toBe("[redacted]");
    for (const prefix of ["u:", "user:", "admin:"]) {
      const basic = Buffer.from(`${prefix}${secret}`).toString("base64");
      const redacted = redact(`Authorization: Basic ${basic}`);
      expect(redacted).toContain("[redacted]");
      // At most two bytes of the secret at each edge survive, mixed with the neighbouring bytes.
      expect(redacted.length).toBeLessThan(`Authorization: Basic ${basic}`.length - 12);
    }
  });

  it("catches hex, URL-encoding and JSON escaping", () => {
    expect(redact(Buffer.from(secret).toString("hex"))).toBe("[redacted]");
    expect(redact(Buffer.from(secret).toString("hex").toUpperCase())).toBe("[redacted]");
    const quoted = { PASSWORD: 'pa"ss w/ord&more' };
    expect(redactSecrets(`?p=${encodeURIComponent(quoted.PASSWORD)}&x=1`, quoted)).toBe("?p=[redacted]&x=1");
    expect(redactSecrets(JSON.stringify({ p: quoted.PASSWORD }), quoted)).toBe('{"p":"[redacted]"}');
  });

  it("merges overlapping matches of different secrets and removes them whole", () => {
    expect(redactSecrets("x abcdefgh y", { A: "abcdef", B: "defgh" })).toBe("x [redacted] y");
  });

  it("leaves ordinary text alone", () => {
    const text = "sk live, a 9f8e build of the 7d6c release; base64 c2stbGl2ZQ== is a different word";
    expect(redact(text)).toBe(text);
  });

  it("stays linear on hostile text (a long run of near-misses)", () => {
    const text = `${secret.slice(0, -1)} `.repeat(3000);
    expect(redact(text)).toBe(text);
  });
});

describe("longestSecretLength", () => {
  it("covers the longest encoded form, so a cut message loses any partial one", () => {
    expect(longestSecretLength({ KEY: "abcdefgh" })).toBe(Buffer.from("abcdefgh").toString("hex").length);
  });
});
