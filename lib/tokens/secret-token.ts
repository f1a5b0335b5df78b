// Random bearer secrets. Only their SHA-256 is stored; lookups go by hash and the
// found hash is compared again in constant time.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export type TokenKind = "pat" | "draft" | "prod" | "inv";

export function generateToken(kind: TokenKind) {
  const token = `atl_${kind}_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 12) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function tokenKind(token: string): TokenKind | null {
  const match = /^atl_(pat|draft|prod|inv)_/.exec(token);
  return (match?.[1] as TokenKind | undefined) ?? null;
}

export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
