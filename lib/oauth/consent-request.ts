// The authorization request, once /oauth/authorize has checked it, travels to the consent page
// and back in the consent form as one signed value: the parameters, the user it was checked for,
// and an expiry. So the consent page needs no server-side state, and the form's POST can't be
// forged — another site can't read the value, and it is bound to the signed-in user (CSRF);
// the POST also checks the Origin header. Approving uses it up (consent.ts): replaying the same
// value within its ten minutes makes no second code.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { Environment } from "@/lib/generated/prisma/enums";
import { CONSENT_REQUEST_TTL_SECONDS } from "./config";

export type ConsentRequest = {
  /** Random: the authorization code an approval creates takes this id, so a request is answered once. */
  id: string;
  userId: string;
  /** OAuthClient.id (internal), not the public client_id. */
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  resource: string;
  organizationId: string;
  /** Both null for the organization's studio MCP server (/mcp/{org}). */
  projectId: string | null;
  environment: Environment | null;
  scopes: string[];
  state: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
};

function signature(payload: string): Buffer {
  return createHmac("sha256", env().authSecret).update(`atelier.oauth.consent.v1.${payload}`).digest();
}

export function signConsentRequest(request: Omit<ConsentRequest, "expiresAt" | "id">, now = Date.now()): string {
  const id = randomBytes(16).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ id, ...request, expiresAt: Math.floor(now / 1000) + CONSENT_REQUEST_TTL_SECONDS })).toString(
    "base64url",
  );
  return `${payload}.${signature(payload).toString("base64url")}`;
}

export type ConsentRequestCheck = { request: ConsentRequest } | { problem: "invalid" | "expired" };

export function verifyConsentRequest(value: string | null | undefined, now = Date.now()): ConsentRequestCheck {
  const [payload, signed, extra] = (value ?? "").split(".");
  if (!payload || !signed || extra !== undefined) return { problem: "invalid" };
  const expected = signature(payload);
  const actual = Buffer.from(signed, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { problem: "invalid" };
  let request: ConsentRequest;
  try {
    request = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as ConsentRequest;
  } catch {
    return { problem: "invalid" };
  }
  if (typeof request.id !== "string") return { problem: "invalid" };
  if (typeof request.expiresAt !== "number" || request.expiresAt * 1000 < now) return { problem: "expired" };
  return { request };
}
