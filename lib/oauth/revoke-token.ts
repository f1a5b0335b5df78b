// Token revocation (RFC 7009). An access token is deleted (the grant and its refresh token go
// on); a refresh token ends the whole grant, audited as "grant.revoke" by the client. Unknown
// tokens, and tokens of another client, change nothing: the answer is 200 either way (§2.2).
import "server-only";
import { db } from "@/lib/db";
import { hashesEqual, hashToken } from "@/lib/tokens/secret-token";
import type { OAuthClientRecord } from "./clients";
import { isOAuthSecret } from "./oauth-secrets";
import { unsafeRevokeGrant } from "./revoke-grant";

export async function revokeToken(options: { token: string; client: OAuthClientRecord | null }) {
  const hash = hashToken(options.token);
  const ownedByCaller = (grantClientId: string) => !options.client || options.client.id === grantClientId;
  if (isOAuthSecret("accessToken", options.token)) {
    const record = await db.oAuthAccessToken.findUnique({
      where: { tokenHash: hash },
      omit: { tokenHash: false },
      include: { grant: { select: { clientId: true } } },
    });
    if (record && hashesEqual(record.tokenHash, hash) && ownedByCaller(record.grant.clientId)) {
      await db.oAuthAccessToken.deleteMany({ where: { id: record.id } });
    }
  } else if (isOAuthSecret("refreshToken", options.token)) {
    const record = await db.oAuthRefreshToken.findUnique({
      where: { tokenHash: hash },
      omit: { tokenHash: false },
      include: { grant: { select: { clientId: true } } },
    });
    if (record && hashesEqual(record.tokenHash, hash) && ownedByCaller(record.grant.clientId)) {
      await unsafeRevokeGrant({ grantId: record.grantId, reason: "revoked_by_client" });
    }
  }
}
