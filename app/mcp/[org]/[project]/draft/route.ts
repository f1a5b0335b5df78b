// The draft MCP endpoint (Streamable HTTP, both protocol eras): /mcp/{org}/{project}/draft.
import { registerNodeMcpRoute } from "@/lib/mcp/node-route";
import { preflightResponse } from "@/lib/mcp/request-guards";
import { serveDraft } from "@/lib/mcp/serve-draft";
import { withDraftToken } from "@/lib/mcp/with-draft-token";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// POST carries every JSON-RPC message. GET and DELETE (2025 session streams and teardown) reach
// the SDK too, which answers 405: the endpoint is stateless.
export const POST = withDraftToken(serveDraft);
export const GET = POST;
export const DELETE = POST;
export const OPTIONS = preflightResponse;

// `npm start`'s custom server (scripts/server.mjs) serves this endpoint's next requests itself with
// these same handlers, without Next's router (lib/mcp/node-route.ts).
registerNodeMcpRoute("draft", { POST, GET, DELETE, OPTIONS });
