// Who may call a production endpoint. Every credential kind that opens one is listed here, in one
// place: a production access token today; OAuth access tokens (audience = this endpoint) are the
// next entry in CREDENTIAL_VERIFIERS. Anonymous callers are decided by visibility, not here.
import { db } from "@/lib/db";
import type { McpCaller } from "./types";
import { findProductionToken } from "@/lib/production-tokens/production-tokens";

export type ProductionProject = NonNullable<Awaited<ReturnType<typeof findProductionProject>>>;

export type ProductionCaller = Extract<McpCaller, { kind: "anonymous" | "production_token" | "oauth" }>;

/** Each verifier recognizes its own kind of token and returns null for anything else. */
type CredentialVerifier = (options: { token: string; project: ProductionProject }) => Promise<ProductionCaller | null>;

const verifyProductionToken: CredentialVerifier = async ({ token, project }) => {
  const record = await findProductionToken({ projectId: project.id, token });
  return record ? { kind: "production_token", tokenId: record.id, name: record.name } : null;
};

const CREDENTIAL_VERIFIERS: CredentialVerifier[] = [verifyProductionToken];

/** The caller a bearer token identifies on this project's production endpoint, or null (401). */
export async function verifyProductionCredential(options: { token: string; project: ProductionProject }): Promise<ProductionCaller | null> {
  for (const verify of CREDENTIAL_VERIFIERS) {
    const caller = await verify(options);
    if (caller) return caller;
  }
  return null;
}

/** The project behind a production URL, with what is live: visibility, Instructions, the pointer. */
export async function findProductionProject(options: { orgSlug: string; projectSlug: string }) {
  return db.project.findFirst({
    where: { slug: options.projectSlug, organization: { slug: options.orgSlug } },
    select: { id: true, slug: true, name: true, instructions: true, organizationId: true, visibility: true, productionPackageId: true, draftRevision: true },
  });
}
