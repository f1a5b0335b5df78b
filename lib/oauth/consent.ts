// The consent step: what the consent page shows for a checked authorization request, and what
// its form's decision does. Authorize makes a one-time authorization code bound to the client,
// redirect URI, PKCE challenge and resource — and nothing else: the grant (what Authorized apps
// lists) is created when the host redeems the code (exchange-token.ts), so an abandoned
// authorization leaves no grant behind. The code takes the consent request's id, so one consent
// request makes at most one code, however often its form is posted.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AUTHORIZATION_CODE_TTL_SECONDS, OAUTH_PATHS } from "./config";
import { clientRedirectUrl, errorPagePath, type AuthorizeErrorReason } from "./authorization-response";
import { findClientById, type OAuthClientRecord } from "./clients";
import { verifyConsentRequest, type ConsentRequest } from "./consent-request";
import { checkEndpointAccess, type EndpointAccess } from "./endpoint-access";
import { generateOAuthSecret } from "./oauth-secrets";
import { redirectHost, redirectUriMatches } from "./redirect-uris";
import { impersonatedApp } from "./well-known-apps";

type LoadedRequest = {
  request: ConsentRequest;
  client: OAuthClientRecord;
  /** Null for the organization's studio MCP server. */
  project: { id: string; slug: string; name: string } | null;
  organization: { id: string; slug: string; name: string };
  access: EndpointAccess;
};

const CODE_RETENTION_MS = 24 * 60 * 60 * 1000;

async function loadRequest(options: {
  request: string | null | undefined;
  actor: Actor;
}): Promise<LoadedRequest | { problem: AuthorizeErrorReason }> {
  const checked = verifyConsentRequest(options.request);
  if ("problem" in checked) return { problem: checked.problem === "expired" ? "consent_expired" : "consent_invalid" };
  const { request } = checked;
  if (request.userId !== options.actor.userId) return { problem: "wrong_user" };
  const [answered, client, organization, project] = await Promise.all([
    db.oAuthAuthorizationCode.findUnique({ where: { id: request.id }, select: { id: true } }),
    findClientById(request.clientId),
    db.organization.findUnique({ where: { id: request.organizationId ?? "" }, select: { id: true, slug: true, name: true } }),
    request.projectId
      ? db.project.findFirst({
          where: { id: request.projectId, organizationId: request.organizationId ?? "" },
          select: { id: true, slug: true, name: true },
        })
      : null,
  ]);
  if (answered) return { problem: "consent_used" };
  // The client was deleted or changed its redirect URIs, or the project (or organization) was deleted, meanwhile.
  if (!client || !organization || !redirectUriMatches(request.redirectUri, client.redirectUris)) return { problem: "consent_invalid" };
  if (!project !== !request.projectId || !request.projectId !== !request.environment) return { problem: "consent_invalid" };
  const access = await checkEndpointAccess({
    userId: request.userId,
    organizationId: organization.id,
    projectId: project?.id ?? null,
    environment: request.environment,
  });
  return { request, client, project, organization, access };
}

export type ConsentView =
  | {
      kind: "problem";
      reason: AuthorizeErrorReason /** Set when starting over as the current account can work. */;
      restartPath: string | null;
    }
  | {
      kind: "consent";
      /** The signed request, posted back by the form. */
      request: string;
      access: EndpointAccess;
      client: {
        name: string;
        redirectHost: string;
        clientUri: string | null;
        clientId: string;
        /** A metadata document client's document host (its client_id's): who vouches for the name. Null for a registered client. */
        documentHost: string | null;
        /** The name is the client's own say-so: a registered client, or a document naming a well-known app off that app's hosts. */
        unverified: boolean;
        /** The well-known app a document client's name claims to be, from a host that is not that app's. */
        impersonates: string | null;
      };
      /** Names only for members: to anyone else the page shows no more than the endpoint URL they came with. */
      organization: { slug: string; name: string } | null;
      project: { slug: string; name: string } | null;
      /** "studio": the organization's studio MCP server (/mcp/{org}). */
      endpoint: { environment: "draft" | "production" | "studio"; url: string };
      scopes: string[];
      user: { name: string; email: string };
      /** Where "Cancel" goes: back to the client with error=access_denied. */
      cancelUrl: string;
      /** The authorization request again, to start over as another account. */
      restartPath: string;
    };

function endpointKind(environment: ConsentRequest["environment"]): "draft" | "production" | "studio" {
  if (environment === null) return "studio";
  return environment === "DRAFT" ? "draft" : "production";
}

/** What the consent page shows for `request` (the signed value /oauth/authorize produced). */
export async function loadConsent(options: { request: string | null | undefined; actor: Actor; issuer: string }): Promise<ConsentView> {
  const loaded = await loadRequest(options);
  if ("problem" in loaded) {
    return {
      kind: "problem",
      reason: loaded.problem,
      restartPath: loaded.problem === "wrong_user" ? await restartPathOf(options.request) : null,
    };
  }
  const { request, client, project, organization, access } = loaded;
  const isMember = access.allowed || access.reason === "role";
  return {
    kind: "consent",
    request: options.request!,
    access,
    client: presentClient(client, request.redirectUri),
    organization: isMember ? { slug: organization.slug, name: organization.name } : null,
    project: isMember && project ? { slug: project.slug, name: project.name } : null,
    endpoint: { environment: endpointKind(request.environment), url: request.resource },
    scopes: request.scopes,
    user: { name: options.actor.name, email: options.actor.email },
    cancelUrl: deniedUrl(request, options.issuer),
    restartPath: authorizePath(request, client.clientId),
  };
}

/**
 * A registered client named itself; a metadata document client is vouched for by its document's
 * host, which the page shows — unless its name claims a well-known app that host doesn't serve.
 */
function presentClient(client: OAuthClientRecord, redirectUri: string): Extract<ConsentView, { kind: "consent" }>["client"] {
  const documentHost = client.kind === "METADATA_DOCUMENT" ? new URL(client.clientId).host : null;
  const impersonates = documentHost ? impersonatedApp(client.name, documentHost) : null;
  return {
    name: client.name,
    redirectHost: redirectHost(redirectUri),
    clientUri: client.clientUri,
    clientId: client.clientId,
    documentHost,
    unverified: client.kind === "REGISTERED" || impersonates !== null,
    impersonates,
  };
}

/** For a request started by another account: the same request, to go through as the signed-in one. */
async function restartPathOf(value: string | null | undefined): Promise<string | null> {
  const checked = verifyConsentRequest(value);
  if ("problem" in checked) return null;
  const client = await findClientById(checked.request.clientId);
  return client ? authorizePath(checked.request, client.clientId) : null;
}

/** The /oauth/authorize URL that produced this request (everything needed is in it). */
function authorizePath(request: ConsentRequest, publicClientId: string): string {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: publicClientId,
    redirect_uri: request.redirectUri,
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
    resource: request.resource,
    scope: request.scopes.join(" "),
  });
  if (request.state !== null) params.set("state", request.state);
  return `${OAUTH_PATHS.authorize}?${params}`;
}

function deniedUrl(request: ConsentRequest, issuer: string): string {
  return clientRedirectUrl({
    redirectUri: request.redirectUri,
    issuer,
    state: request.state,
    result: { error: "access_denied", description: "The user did not authorize the app" },
  });
}

/**
 * The consent form's decision. Returns where the browser goes: the client's redirect URI with a
 * code (approve) or error=access_denied (deny), or Atelier's error page.
 */
export async function decideConsent(options: {
  request: string | null | undefined;
  actor: Actor;
  approve: boolean;
  issuer: string;
}): Promise<string> {
  const loaded = await loadRequest(options);
  if ("problem" in loaded) return errorPagePath(loaded.problem);
  const { request, client, project, access } = loaded;
  if (!options.approve) return deniedUrl(request, options.issuer);
  if (!access.allowed) return errorPagePath("not_allowed");

  const code = generateOAuthSecret("authorizationCode");
  try {
    // Codes live a minute; a day later one is no longer worth keeping for reuse detection (nor
    // its consent request, which lapsed after ten minutes).
    await db.oAuthAuthorizationCode.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - CODE_RETENTION_MS) } } });
    await db.oAuthAuthorizationCode.create({
      data: {
        id: request.id,
        codeHash: code.hash,
        clientId: client.id,
        userId: request.userId,
        projectId: project?.id ?? null,
        environment: request.environment,
        resource: request.resource,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        scopes: request.scopes,
        expiresAt: new Date(Date.now() + AUTHORIZATION_CODE_TTL_SECONDS * 1000),
        consentIp: options.actor.ip || null,
        consentUserAgent: options.actor.userAgent || null,
      },
    });
  } catch (error) {
    // The same consent request posted twice at once: the first one made the code.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return errorPagePath("consent_used");
    throw error;
  }
  return clientRedirectUrl({
    redirectUri: request.redirectUri,
    issuer: options.issuer,
    state: request.state,
    result: { code: code.value },
  });
}
