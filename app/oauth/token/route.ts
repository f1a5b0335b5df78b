// The token endpoint (RFC 6749 §3.2). Also answered at /token (app/token).
import { oauthPreflight } from "@/lib/oauth/oauth-error";
import { handleToken } from "@/lib/oauth/token-routes";

export const dynamic = "force-dynamic";

export const POST = handleToken;
export const OPTIONS = oauthPreflight;
