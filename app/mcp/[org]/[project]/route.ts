// The production MCP endpoint (Streamable HTTP, both protocol eras): /mcp/{org}/{project}.
import { registerNodeMcpRoute } from "@/lib/mcp/node-route";
import { preflightResponse } from "@/lib/mcp/request-guards";
import { serveProduction } from "@/lib/mcp/serve-production";
import { withProductionAuth } from "@/lib/mcp/with-production-auth";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// POST carries every JSON-RPC message. GET and DELETE (2025 session streams and teardown) reach
// the SDK too, which answers 405: the endpoint is stateless.
export const POST = withProductionAuth(serveProduction);
export const GET = POST;
export const DELETE = POST;
export const OPTIONS = preflightResponse;

// `npm start`'s custom server (scripts/server.mjs) serves this endpoint's next requests itself with
// these same handlers, without Next's router (lib/mcp/node-route.ts).
registerNodeMcpRoute("production", { POST, GET, DELETE, OPTIONS });
