import { describe, expect, it } from "vitest";
import { isValidCodeChallenge, s256Challenge, verifyCodeVerifier } from "./pkce";

// RFC 7636 Appendix B.
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("PKCE S256", () => {
  it("computes the RFC 7636 example challenge", () => {
    expect(s256Challenge(VERIFIER)).toBe(CHALLENGE);
  });

  it("accepts the verifier of the challenge and nothing else", () => {
    expect(verifyCodeVerifier(VERIFIER, CHALLENGE)).toBe(true);
    expect(verifyCodeVerifier(`${VERIFIER.slice(0, -1)}l`, CHALLENGE)).toBe(false);
    // "plain": the challenge itself presented as the verifier.
    expect(verifyCodeVerifier(CHALLENGE, CHALLENGE)).toBe(false);
  });

  it("refuses verifiers outside 43–128 unreserved characters", () => {
    const short = "a".repeat(42);
    expect(verifyCodeVerifier(short, s256Challenge(short))).toBe(false);
    const long = "a".repeat(129);
    expect(verifyCodeVerifier(long, s256Challenge(long))).toBe(false);
    const spaced = `${"a".repeat(42)} `;
    expect(verifyCodeVerifier(spaced, s256Challenge(spaced))).toBe(false);
    const longest = "~".repeat(128);
    expect(verifyCodeVerifier(longest, s256Challenge(longest))).toBe(true);
  });

  it("recognizes an S256 challenge by its shape", () => {
    expect(isValidCodeChallenge(CHALLENGE)).toBe(true);
    expect(isValidCodeChallenge(`${CHALLENGE}=`)).toBe(false);
    expect(isValidCodeChallenge("plain-challenge")).toBe(false);
  });
});
