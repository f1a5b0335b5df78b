// Who may call a production endpoint. Every credential kind that opens one is listed here, in one
// place: production access tokens and OAuth access tokens (audience = this endpoint's URL).
// Anonymous callers are decided by visibility, not here. Each verifier looks at the token's prefix
// before any query, so a token of one kind never costs a lookup of the other.
import "server-only";
import { db } from "@/lib/db";
import { verifyOAuthAccessToken } from "@/lib/oauth/verify-access-token";
import { findProductionToken } from "@/lib/production-tokens/production-tokens";
import { cachedDecision } from "./credential-cache";
import type { McpCaller } from "./types";

export type ProductionProject = NonNullable<Awaited<ReturnType<typeof findProductionProject>>>;

export type ProductionCaller = Extract<McpCaller, { kind: "anonymous" | "production_token" | "oauth" }>;

/** Each verifier recognizes its own kind of token and returns null for anything else. */
type CredentialVerifier = (options: CredentialCheck) => Promise<ProductionCaller | null>;
/** `resource` is this endpoint's URL (mcpEndpointUrl), which an OAuth token must be bound to. */
type CredentialCheck = { token: string; project: ProductionProject; resource: string };

const verifyProductionToken: CredentialVerifier = async ({ token, project }) => {
  const record = await findProductionToken({ projectId: project.id, token });
  return record ? { kind: "production_token", tokenId: record.id, name: record.name } : null;
};

const verifyOAuthToken: CredentialVerifier = async ({ token, project, resource }) => {
  const verified = await verifyOAuthAccessToken({ token, resource });
  return verified && verified.project.id === project.id ? verified.caller : null;
};

const CREDENTIAL_VERIFIERS: CredentialVerifier[] = [verifyProductionToken, verifyOAuthToken];

/** The caller a bearer token identifies on this project's production endpoint, or null (401). */
export async function verifyProductionCredential(options: CredentialCheck): Promise<ProductionCaller | null> {
  for (const verify of CREDENTIAL_VERIFIERS) {
    const caller = await verify(options);
    if (caller) return caller;
  }
  return null;
}

/**
 * The project behind a production URL, with what is live: visibility, Instructions, the pointer.
 * From the credential cache (./credential-cache.ts) while no write has outdated it.
 */
export async function findProductionProject(options: { orgSlug: string; projectSlug: string }) {
  return cachedDecision(`production_project\n${options.orgSlug}\n${options.projectSlug}`, async () => {
    const project = await queryProductionProject(options);
    return project ? { value: project, expiresAt: null } : null;
  });
}

function queryProductionProject(options: { orgSlug: string; projectSlug: string }) {
  return db.project.findFirst({
    where: { slug: options.projectSlug, organization: { slug: options.orgSlug } },
    select: {
      id: true,
      slug: true,
      name: true,
      instructions: true,
      organizationId: true,
      visibility: true,
      productionPackageId: true,
      draftRevision: true,
      // Read here so rate limiting needs no query of its own (SPEC §8).
      dataToolCallsPerMinute: true,
      anonymousCallsPerHour: true,
      anonymousBurst: true,
      credentialCallsPerMinute: true,
    },
  });
}
