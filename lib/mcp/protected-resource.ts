// Where an MCP endpoint lives and how it tells clients to authenticate: the endpoint URL (the OAuth
// resource identifier), its RFC 9728 metadata document and URL, and the 401 challenge pointing at it.
//
// The SDK's buildOAuthProtectedResourceMetadata refuses plain-http issuers outside localhost (a
// self-hosted instance on a LAN is exactly that) and has no bearer_methods_supported, so the
// document is built here, typed by the SDK's shape.
import "server-only";
import type { OAuthProtectedResourceMetadata } from "@modelcontextprotocol/server";
import { db } from "@/lib/db";
import { jsonRpcErrorResponse } from "./json-rpc-response";
import type { McpEnvironment } from "./types";

export type EndpointAddress = { origin: string; orgSlug: string; projectSlug: string; environment: McpEnvironment };

const MCP_SCOPES = ["mcp"];

/**
 * Without ATELIER_URL these answers name the origin the request came to (lib/public-origin.ts), so a
 * shared cache must not hand one address's answer to another.
 */
export const ORIGIN_VARY = { Vary: "Host, X-Forwarded-Host, X-Forwarded-Proto" };

function endpointPath({ orgSlug, projectSlug, environment }: EndpointAddress): string {
  const base = `/mcp/${encodeURIComponent(orgSlug)}/${encodeURIComponent(projectSlug)}`;
  return environment === "draft" ? `${base}/draft` : base;
}

/** The endpoint URL exactly as users paste it into a host; also the OAuth resource (RFC 8707). */
export function mcpEndpointUrl(address: EndpointAddress): string {
  return `${address.origin}${endpointPath(address)}`;
}

export function protectedResourceMetadataUrl(address: EndpointAddress): string {
  return `${address.origin}/.well-known/oauth-protected-resource${endpointPath(address)}`;
}

export function buildProtectedResourceMetadata(address: EndpointAddress): OAuthProtectedResourceMetadata {
  // Named by slugs, which the caller already knows: the document is public and must not reveal
  // anything about a private project beyond its existence.
  const label = `${address.orgSlug}/${address.projectSlug}`;
  return {
    resource: mcpEndpointUrl(address),
    authorization_servers: [address.origin],
    scopes_supported: MCP_SCOPES,
    bearer_methods_supported: ["header"],
    resource_name: address.environment === "draft" ? `${label} (draft)` : label,
  };
}

/** The organization's studio MCP server, /mcp/{org} (lib/studio-mcp): an OAuth resource of its own. */
export type StudioEndpointAddress = { origin: string; orgSlug: string };

export function studioEndpointUrl(address: StudioEndpointAddress): string {
  return `${address.origin}/mcp/${encodeURIComponent(address.orgSlug)}`;
}

export function studioProtectedResourceMetadataUrl(address: StudioEndpointAddress): string {
  return `${address.origin}/.well-known/oauth-protected-resource/mcp/${encodeURIComponent(address.orgSlug)}`;
}

export function buildStudioProtectedResourceMetadata(address: StudioEndpointAddress): OAuthProtectedResourceMetadata {
  return {
    resource: studioEndpointUrl(address),
    authorization_servers: [address.origin],
    scopes_supported: MCP_SCOPES,
    bearer_methods_supported: ["header"],
    resource_name: `Atelier studio (${address.orgSlug})`,
  };
}

/** Whether the organization exists (unauthenticated: the metadata document is public). */
export async function unsafeOrganizationExists(orgSlug: string): Promise<boolean> {
  const organization = await db.organization.findUnique({ where: { slug: orgSlug }, select: { id: true } });
  return organization !== null;
}

/** Whether the project exists (unauthenticated: the metadata document is public). */
export async function unsafeProjectExists(options: { orgSlug: string; projectSlug: string }): Promise<boolean> {
  const project = await db.project.findFirst({
    where: { slug: options.projectSlug, organization: { slug: options.orgSlug } },
    select: { id: true },
  });
  return project !== null;
}

/**
 * 401 for a missing or refused credential. Per RFC 6750 §3.1 a request without credentials gets
 * a bare challenge; a refused token adds `error="invalid_token"` so OAuth clients know to refresh
 * or re-authorize. Both name the path-specific metadata document, which hosts need for discovery.
 */
export function unauthorizedResponse(options: {
  address: EndpointAddress | StudioEndpointAddress;
  message: string;
  invalidToken: boolean;
}): Response {
  const metadataUrl =
    "projectSlug" in options.address ? protectedResourceMetadataUrl(options.address) : studioProtectedResourceMetadataUrl(options.address);
  // scope: what to ask for (MCP authorization 2025-11-25, "Scope Selection Strategy").
  const metadata = `resource_metadata="${metadataUrl}", scope="${MCP_SCOPES.join(" ")}"`;
  const challenge = options.invalidToken
    ? `Bearer error="invalid_token", error_description="${quoted(options.message)}", ${metadata}`
    : `Bearer ${metadata}`;
  return jsonRpcErrorResponse(401, options.message, { "WWW-Authenticate": challenge, ...ORIGIN_VARY });
}

function quoted(value: string): string {
  return value.replace(/[\\"]/g, "\\$&").replace(/[^\x20-\x7e]/g, " ");
}
