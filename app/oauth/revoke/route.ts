// The revocation endpoint (RFC 7009).
import { oauthPreflight } from "@/lib/oauth/oauth-error";
import { handleRevoke } from "@/lib/oauth/token-routes";

export const dynamic = "force-dynamic";

export const POST = handleRevoke;
export const OPTIONS = oauthPreflight;
