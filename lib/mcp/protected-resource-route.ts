// Serving the RFC 9728 document; the production endpoint's route uses the same function.
import { errorBody, json } from "@/lib/http";
import { publicOrigin } from "@/lib/public-origin";
import {
  buildProtectedResourceMetadata,
  buildStudioProtectedResourceMetadata,
  ORIGIN_VARY,
  unsafeOrganizationExists,
  unsafeProjectExists,
} from "./protected-resource";
import type { McpEnvironment } from "./types";

// Public documents that browser-based hosts fetch cross-origin.
const CORS = { "Access-Control-Allow-Origin": "*" };

export async function handleProtectedResourceMetadata(
  request: Request,
  params: { org: string; project: string; environment: McpEnvironment },
): Promise<Response> {
  if (!(await unsafeProjectExists({ orgSlug: params.org, projectSlug: params.project }))) {
    return json(errorBody("not_found", "No MCP endpoint here"), { status: 404, headers: CORS });
  }
  const address = { origin: publicOrigin(request), orgSlug: params.org, projectSlug: params.project, environment: params.environment };
  return json(buildProtectedResourceMetadata(address), { headers: { ...CORS, ...ORIGIN_VARY, "Cache-Control": "public, max-age=300" } });
}

/** The studio MCP server's document (/.well-known/oauth-protected-resource/mcp/{org}). */
export async function handleStudioProtectedResourceMetadata(request: Request, params: { org: string }): Promise<Response> {
  if (!(await unsafeOrganizationExists(params.org))) {
    return json(errorBody("not_found", "No MCP endpoint here"), { status: 404, headers: CORS });
  }
  const address = { origin: publicOrigin(request), orgSlug: params.org };
  return json(buildStudioProtectedResourceMetadata(address), {
    headers: { ...CORS, ...ORIGIN_VARY, "Cache-Control": "public, max-age=300" },
  });
}

export function metadataPreflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, OPTIONS",
      "Access-Control-Allow-Headers": "*",
      "Access-Control-Max-Age": "600",
    },
  });
}
