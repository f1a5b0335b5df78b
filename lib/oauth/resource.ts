// Resource indicators (RFC 8707): the `resource` of an authorization or token request names the
// one MCP endpoint the tokens will open. It must be, character for character, the URL of a
// project's draft or production endpoint on this origin — the `resource` of that endpoint's
// protected resource metadata, which hosts echo.
import "server-only";
import { db } from "@/lib/db";
import type { Environment } from "@/lib/generated/prisma/enums";
import { mcpEndpointUrl, type EndpointAddress } from "@/lib/mcp/protected-resource";

const ENDPOINT_PATH = /^\/mcp\/([^/]+)\/([^/]+?)(\/draft)?$/;

/** The endpoint address a resource URL names, if it is shaped like one of ours (not checked against the database). */
export function parseResource(resource: string, origin: string): EndpointAddress | null {
  let url: URL;
  try {
    url = new URL(resource);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.search || url.hash) return null;
  const match = ENDPOINT_PATH.exec(url.pathname);
  if (!match) return null;
  let address: EndpointAddress;
  try {
    address = {
      origin,
      orgSlug: decodeURIComponent(match[1]),
      projectSlug: decodeURIComponent(match[2]),
      environment: match[3] ? "draft" : "production",
    };
  } catch {
    return null;
  }
  return mcpEndpointUrl(address) === resource ? address : null;
}

export type ResourceEndpoint = {
  resource: string;
  environment: Environment;
  project: { id: string; slug: string; name: string; organizationId: string };
  organization: { id: string; slug: string; name: string };
};

/** The project endpoint a resource names, or null: malformed, another origin, or no such project. */
export async function findResourceEndpoint(resource: string, origin: string): Promise<ResourceEndpoint | null> {
  const address = parseResource(resource, origin);
  if (!address) return null;
  const project = await db.project.findFirst({
    where: { slug: address.projectSlug, organization: { slug: address.orgSlug } },
    select: { id: true, slug: true, name: true, organizationId: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  if (!project) return null;
  const { organization, ...projectFields } = project;
  return { resource, environment: address.environment === "draft" ? "DRAFT" : "PRODUCTION", project: projectFields, organization };
}
