// The authorization endpoint. GET: an MCP host sends the user here (checked, then the consent
// page); POST: the consent page's Authorize / Deny. Also answered at /authorize (app/authorize).
import { handleAuthorize, handleConsentDecision } from "@/lib/oauth/authorize-routes";

export const dynamic = "force-dynamic";

export const GET = handleAuthorize;
export const POST = handleConsentDecision;
