// The draft MCP endpoint (Streamable HTTP, both protocol eras): /mcp/{org}/{project}/draft.
// Auth is the project's draft token, checked inside handleDraftRequest with the origin and size guards.
import { handleDraftRequest } from "@/lib/mcp/handle-draft-request";
import { preflightResponse } from "@/lib/mcp/request-guards";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ org: string; project: string }> };

const handle = async (request: Request, context: Context) => handleDraftRequest(request, await context.params);

// POST carries every JSON-RPC message; GET and DELETE (2025 session streams and teardown) reach
// the SDK, which answers 405 because the endpoint is stateless.
export const POST = handle;
export const GET = handle;
export const DELETE = handle;
export const OPTIONS = (request: Request) => preflightResponse(request);
