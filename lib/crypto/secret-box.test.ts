import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("sk_live_123456", key, "tool_1:API_KEY");
    expect(sealed).not.toContain("sk_live_123456");
    expect(decryptSecret(sealed, key, "tool_1:API_KEY")).toBe("sk_live_123456");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same", key, "a")).not.toBe(encryptSecret("same", key, "a"));
  });

  it("refuses a tampered ciphertext, another owner or another key", () => {
    const sealed = encryptSecret("value", key, "tool_1:K");
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3], "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret([...parts.slice(0, 3), flipped.toString("base64url")].join("."), key, "tool_1:K")).toThrow();
    expect(() => decryptSecret(sealed, key, "tool_2:K")).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32), "tool_1:K")).toThrow();
  });
});
