// Dynamic Client Registration (RFC 7591). Also answered at /register (app/register).
import { oauthPreflight } from "@/lib/oauth/oauth-error";
import { handleRegister } from "@/lib/oauth/registration-routes";

export const dynamic = "force-dynamic";

export const POST = handleRegister;
export const OPTIONS = oauthPreflight;
