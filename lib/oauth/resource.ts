// Resource indicators (RFC 8707): the `resource` of an authorization or token request names the
// one MCP endpoint the tokens will open. It must be, character for character, the URL of a
// project's draft or production endpoint on this origin, or of an organization's studio MCP server
// (/mcp/{org}) — the `resource` of that endpoint's protected resource metadata, which hosts echo.
import "server-only";
import { db } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/enums";
import { mcpEndpointUrl, studioEndpointUrl, type EndpointAddress, type StudioEndpointAddress } from "@/lib/mcp/protected-resource";

const ENDPOINT_PATH = /^\/mcp\/([^/]+)\/([^/]+?)(\/draft)?$/;
const STUDIO_PATH = /^\/mcp\/([^/]+)$/;

/** The path parts of a resource URL on this origin (no query, no fragment) matching `pattern`, decoded; null otherwise. */
function matchOwnPath(resource: string, origin: string, pattern: RegExp): string[] | null {
  let url: URL;
  try {
    url = new URL(resource);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.search || url.hash) return null;
  const match = pattern.exec(url.pathname);
  if (!match) return null;
  try {
    return match.slice(1).map((part) => (part === undefined ? "" : decodeURIComponent(part)));
  } catch {
    return null;
  }
}

/** The studio endpoint a resource URL names, if it is shaped like one (not checked against the database). */
export function parseStudioResource(resource: string, origin: string): StudioEndpointAddress | null {
  const parts = matchOwnPath(resource, origin, STUDIO_PATH);
  if (!parts) return null;
  const address: StudioEndpointAddress = { origin, orgSlug: parts[0] };
  return studioEndpointUrl(address) === resource ? address : null;
}

/** The endpoint address a resource URL names, if it is shaped like one of ours (not checked against the database). */
export function parseResource(resource: string, origin: string): EndpointAddress | null {
  const parts = matchOwnPath(resource, origin, ENDPOINT_PATH);
  if (!parts) return null;
  const address: EndpointAddress = { origin, orgSlug: parts[0], projectSlug: parts[1], environment: parts[2] ? "draft" : "production" };
  return mcpEndpointUrl(address) === resource ? address : null;
}

export type ResourceEndpoint =
  | {
      kind: "project";
      resource: string;
      environment: Environment;
      project: { id: string; slug: string; name: string; organizationId: string };
      organization: { id: string; slug: string; name: string };
    }
  | { kind: "studio"; resource: string; organization: { id: string; slug: string; name: string } };

/** The endpoint a resource names, or null: malformed, another origin, or no such project or organization. */
export async function findResourceEndpoint(resource: string, origin: string): Promise<ResourceEndpoint | null> {
  const studio = parseStudioResource(resource, origin);
  if (studio) {
    const organization = await db.organization.findUnique({
      where: { slug: studio.orgSlug },
      select: { id: true, slug: true, name: true },
    });
    return organization ? { kind: "studio", resource, organization } : null;
  }
  const address = parseResource(resource, origin);
  if (!address) return null;
  const project = await db.project.findFirst({
    where: { slug: address.projectSlug, organization: { slug: address.orgSlug } },
    select: { id: true, slug: true, name: true, organizationId: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!project) return null;
  const { organization, ...projectFields } = project;
  return {
    kind: "project",
    resource,
    environment: address.environment === "draft" ? "DRAFT" : "PRODUCTION",
    project: projectFields,
    organization,
  };
}
