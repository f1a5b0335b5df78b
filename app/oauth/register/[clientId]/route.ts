// A client's registration (RFC 7592), with its registration access token: read or delete.
import { oauthPreflight } from "@/lib/oauth/oauth-error";
import { handleDeleteRegistration, handleReadRegistration } from "@/lib/oauth/registration-routes";

export const dynamic = "force-dynamic";

export const GET = handleReadRegistration;
export const DELETE = handleDeleteRegistration;
export const OPTIONS = oauthPreflight;
