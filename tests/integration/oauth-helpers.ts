// The OAuth authorization server over real HTTP, next to the MCP endpoints it protects: one route
// table with every OAuth, discovery and MCP route (and the /authorize /token /register aliases),
// and the steps of the host flow as a host performs them — register, authorize with the user's
// studio session, consent, exchange the code — by hand or through the SDK v2 client's own OAuth.
import { createHash, randomBytes } from "node:crypto";
import {
  auth,
  Client,
  StreamableHTTPClientTransport,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from "@modelcontextprotocol/client";
import { expect } from "vitest";
import * as authorizeAliasRoute from "@/app/authorize/route";
import * as authorizationServerRoute from "@/app/.well-known/oauth-authorization-server/[[...path]]/route";
import * as openIdRoute from "@/app/.well-known/openid-configuration/[[...path]]/route";
import * as productionMetadataRoute from "@/app/.well-known/oauth-protected-resource/mcp/[org]/[project]/route";
import * as draftMetadataRoute from "@/app/.well-known/oauth-protected-resource/mcp/[org]/[project]/draft/route";
import * as studioMetadataRoute from "@/app/.well-known/oauth-protected-resource/mcp/[org]/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import * as studioRoute from "@/app/mcp/[org]/route";
import * as authorizeRoute from "@/app/oauth/authorize/route";
import * as registrationRoute from "@/app/oauth/register/[clientId]/route";
import * as registerRoute from "@/app/oauth/register/route";
import * as revokeRoute from "@/app/oauth/revoke/route";
import * as tokenRoute from "@/app/oauth/token/route";
import * as registerAliasRoute from "@/app/register/route";
import * as tokenAliasRoute from "@/app/token/route";
import { sessionCookie, type TestUser } from "./helpers";
import { postJsonRpc, RAW_INITIALIZE, startRouteServer, type TestHttpServer } from "./mcp-helpers";

/**
 * `authorize` replaces the /oauth/authorize (and /authorize) handlers, for a test that passes them
 * options (lib/oauth/authorize-routes.ts createAuthorizeHandler).
 */
export function startOAuthServer(options: { authorize?: Record<string, unknown> } = {}): Promise<TestHttpServer> {
  const authorize = options.authorize ?? authorizeRoute;
  return startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)$/, module: studioRoute },
    { pattern: /^\/\.well-known\/oauth-protected-resource\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftMetadataRoute },
    { pattern: /^\/\.well-known\/oauth-protected-resource\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionMetadataRoute },
    { pattern: /^\/\.well-known\/oauth-protected-resource\/mcp\/(?<org>[^/]+)$/, module: studioMetadataRoute },
    { pattern: /^\/\.well-known\/oauth-authorization-server(\/.*)?$/, module: authorizationServerRoute },
    { pattern: /^\/\.well-known\/openid-configuration(\/.*)?$/, module: openIdRoute },
    { pattern: /^\/oauth\/authorize$/, module: authorize },
    { pattern: /^\/oauth\/token$/, module: tokenRoute },
    { pattern: /^\/oauth\/revoke$/, module: revokeRoute },
    { pattern: /^\/oauth\/register$/, module: registerRoute },
    { pattern: /^\/oauth\/register\/(?<clientId>[^/]+)$/, module: registrationRoute },
    { pattern: /^\/authorize$/, module: options.authorize ?? authorizeAliasRoute },
    { pattern: /^\/token$/, module: tokenAliasRoute },
    { pattern: /^\/register$/, module: registerAliasRoute },
  ]);
}

export type Pkce = { verifier: string; challenge: string };

export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export const CALLBACK = "http://127.0.0.1:4999/callback";

export type RegisteredClient = {
  client_id: string;
  client_secret?: string;
  registration_access_token: string;
  registration_client_uri: string;
  client_name: string;
  redirect_uris: string[];
};

export async function registerClient(origin: string, metadata: Record<string, unknown> = {}, path = "/oauth/register") {
  const response = await fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_name: "Test Host", redirect_uris: [CALLBACK], token_endpoint_auth_method: "none", ...metadata }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as RegisteredClient & { error?: string; error_description?: string },
  };
}

export type AuthorizeParams = {
  clientId: string;
  resource?: string | null;
  redirectUri?: string | null;
  pkce?: Pkce;
  method?: string | null;
  state?: string;
  scope?: string;
  extra?: Record<string, string>;
};

export function authorizeUrl(origin: string, params: AuthorizeParams, path = "/oauth/authorize"): string {
  const url = new URL(`${origin}${path}`);
  const set = (name: string, value: string | null | undefined) =>
    value !== null && value !== undefined && url.searchParams.set(name, value);
  set("response_type", "code");
  set("client_id", params.clientId);
  set("redirect_uri", params.redirectUri === undefined ? CALLBACK : params.redirectUri);
  set("code_challenge", (params.pkce ?? pkcePair()).challenge);
  set("code_challenge_method", params.method === undefined ? "S256" : params.method);
  set("state", params.state ?? "state-123");
  set("resource", params.resource);
  set("scope", params.scope);
  for (const [name, value] of Object.entries(params.extra ?? {})) url.searchParams.set(name, value);
  return url.href;
}

/** A browser navigation: not followed, so the test sees where it was sent. */
export async function navigate(url: string, user: TestUser | null): Promise<{ status: number; location: URL | null }> {
  const response = await fetch(url, { redirect: "manual", headers: user ? { cookie: await sessionCookie(user) } : {} });
  await response.body?.cancel();
  const location = response.headers.get("location");
  return { status: response.status, location: location ? new URL(location) : null };
}

/** The consent form's POST, as the browser sends it from the consent page. */
export async function submitConsent(options: {
  origin: string;
  user: TestUser;
  consentRequest: string;
  decision: "approve" | "deny";
  originHeader?: string | null;
  path?: string;
}): Promise<{ status: number; location: URL | null }> {
  const headers: Record<string, string> = {
    cookie: await sessionCookie(options.user),
    "content-type": "application/x-www-form-urlencoded",
  };
  if (options.originHeader !== null) headers.origin = options.originHeader ?? options.origin;
  const response = await fetch(`${options.origin}${options.path ?? "/oauth/authorize"}`, {
    method: "POST",
    redirect: "manual",
    headers,
    body: new URLSearchParams({ consent_request: options.consentRequest, decision: options.decision }),
  });
  await response.body?.cancel();
  const location = response.headers.get("location");
  return { status: response.status, location: location ? new URL(location) : null };
}

/**
 * The browser step: the signed-in user opens an authorization URL, then Authorize on the consent
 * page (posted to `origin`, else to the consent page's own origin): the redirect back to the client.
 */
export async function approveInBrowser(url: string, user: TestUser, origin?: string): Promise<URL> {
  const first = await navigate(url, user);
  if (first.location?.pathname !== "/oauth/consent")
    throw new Error(`expected the consent page, got ${first.status} ${first.location?.href}`);
  const consentRequest = first.location.searchParams.get("request")!;
  const decided = await submitConsent({ origin: origin ?? first.location.origin, user, consentRequest, decision: "approve" });
  if (!decided.location) throw new Error(`expected a redirect, got ${decided.status}`);
  return decided.location;
}

/** GET /oauth/authorize as the signed-in user, then Authorize on the consent page: the redirect back to the client. */
export async function authorizeAndApprove(origin: string, user: TestUser, params: AuthorizeParams, path?: string): Promise<URL> {
  return approveInBrowser(authorizeUrl(origin, params, path), user, origin);
}

export type TokenBody = {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  scope: string;
  error?: string;
  error_description?: string;
};

export async function tokenRequest(origin: string, params: Record<string, string>, options: { path?: string; json?: boolean } = {}) {
  const response = await fetch(`${origin}${options.path ?? "/oauth/token"}`, {
    method: "POST",
    headers: { "Content-Type": options.json ? "application/json" : "application/x-www-form-urlencoded" },
    body: options.json ? JSON.stringify(params) : new URLSearchParams(params),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as TokenBody };
}

/** The whole flow for one endpoint: register, authorize as `user`, exchange the code. */
export async function connectWithOAuth(origin: string, user: TestUser, resource: string) {
  const client = (await registerClient(origin)).body;
  const pkce = pkcePair();
  const redirect = await authorizeAndApprove(origin, user, { clientId: client.client_id, resource, pkce });
  const code = redirect.searchParams.get("code");
  if (!code) throw new Error(`no code: ${redirect.href}`);
  const tokens = await tokenRequest(origin, {
    grant_type: "authorization_code",
    client_id: client.client_id,
    code,
    redirect_uri: CALLBACK,
    code_verifier: pkce.verifier,
  });
  if (tokens.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(tokens.body)}`);
  return { client, tokens: tokens.body };
}

/** A raw 2025-era initialize with `token` as the bearer (what a host without the SDK sends): the status and challenge it sees. */
export async function attemptWithToken(url: string, token: string) {
  const response = await postJsonRpc(url, RAW_INITIALIZE, { Authorization: `Bearer ${token}` });
  return { status: response.status, challenge: response.headers.get("www-authenticate") };
}

/**
 * A host's OAuth state for an SDK client's own OAuth support, kept in memory (`Info` and `Tokens`
 * are the SDK's types); the authorization URL it would open in a browser is kept too.
 */
export class InMemoryOAuthProvider<Info, Tokens> {
  authorizationUrl: URL | null = null;
  private info: Info | undefined;
  private stored: Tokens | undefined;
  private verifier = "";
  readonly redirectUrl = CALLBACK;
  readonly clientMetadata;
  constructor(clientName: string) {
    this.clientMetadata = {
      client_name: clientName,
      redirect_uris: [CALLBACK],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation = () => this.info;
  saveClientInformation = (info: Info) => void (this.info = info);
  tokens = () => this.stored;
  saveTokens = (tokens: Tokens) => void (this.stored = tokens);
  redirectToAuthorization = (url: URL) => void (this.authorizationUrl = url);
  saveCodeVerifier = (verifier: string) => void (this.verifier = verifier);
  codeVerifier = () => this.verifier;
}

/** The SDK v2 client's OAuth support, as a host uses it: state kept in memory, the browser step done with the user's session. */
export class TestOAuthProvider
  extends InMemoryOAuthProvider<StoredOAuthClientInformation, StoredOAuthTokens>
  implements OAuthClientProvider
{
  private discovery: OAuthDiscoveryState | undefined;
  constructor() {
    super("SDK Host");
  }
  state = () => randomBytes(8).toString("hex");
  saveDiscoveryState = (state: OAuthDiscoveryState) => void (this.discovery = state);
  discoveryState = () => this.discovery;
}

/**
 * The SDK v2 client's OAuth from the endpoint URL alone: discovery and registration end in a
 * redirect to the authorization URL, `user` approves in the browser, and the code from the
 * callback is exchanged. The provider then holds the tokens.
 */
export async function authorizeWithSdk(serverUrl: string, user: TestUser) {
  const provider = new TestOAuthProvider();
  expect(await auth(provider, { serverUrl })).toBe("REDIRECT");
  const authorizationUrl = provider.authorizationUrl!;
  const callback = await approveInBrowser(authorizationUrl.href, user);
  expect(
    await auth(provider, { serverUrl, authorizationCode: callback.searchParams.get("code")!, iss: callback.searchParams.get("iss")! }),
  ).toBe("AUTHORIZED");
  return { provider, authorizationUrl, callback };
}

/** An SDK v2 client connected to `serverUrl` with the provider's tokens. */
export async function connectWithProvider(serverUrl: string, provider: OAuthClientProvider): Promise<Client> {
  const client = new Client({ name: "sdk-host", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
  return client;
}
