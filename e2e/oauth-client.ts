// A scripted MCP host for the e2e OAuth journey: the SDK v2 client's own OAuth support (discovery
// from the 401 challenge, Dynamic Client Registration, PKCE, code exchange, refresh) with an
// in-memory credential store, plus a loopback redirect listener (RFC 8252) that catches the
// authorization response the way native hosts (MCP Inspector, Claude Code) do.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  auth,
  Client,
  StreamableHTTPClientTransport,
  type OAuthClientInformationMixed,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from "@modelcontextprotocol/client";

/** Keeps what a host keeps between the steps of one connection: registration, verifier, tokens. */
export class InMemoryOAuthProvider implements OAuthClientProvider {
  /** Where the SDK sent the user to authorize (the host would open a browser here). */
  authorizationUrl: URL | null = null;
  /** The `state` sent with the last authorization request, to check against the callback. */
  expectedState: string | null = null;
  private client: StoredOAuthClientInformation | undefined;
  private storedTokens: StoredOAuthTokens | undefined;
  private verifier: string | undefined;
  private discovery: OAuthDiscoveryState | undefined;

  constructor(private readonly options: { redirectUri: string; clientName: string }) {}

  get redirectUrl() {
    return this.options.redirectUri;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.options.clientName,
      redirect_uris: [this.options.redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  state() {
    this.expectedState = randomBytes(16).toString("base64url");
    return this.expectedState;
  }

  clientInformation() {
    return this.client;
  }
  saveClientInformation(information: StoredOAuthClientInformation) {
    this.client = information;
  }
  /** The registration the server returned (client_id, registration_client_uri, …). */
  get registration(): OAuthClientInformationMixed | undefined {
    return this.client;
  }

  tokens() {
    return this.storedTokens;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.storedTokens = tokens;
  }

  redirectToAuthorization(authorizationUrl: URL) {
    this.authorizationUrl = authorizationUrl;
  }

  saveCodeVerifier(codeVerifier: string) {
    this.verifier = codeVerifier;
  }
  codeVerifier() {
    if (!this.verifier) throw new Error("No PKCE verifier saved: authorization never started");
    return this.verifier;
  }

  /** What a host does when the server refuses its credentials: forget them and ask the user again. */
  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery") {
    if (scope === "all" || scope === "tokens") this.storedTokens = undefined;
    if (scope === "all" || scope === "client") this.client = undefined;
    if (scope === "all" || scope === "verifier") this.verifier = undefined;
    if (scope === "all" || scope === "discovery") this.discovery = undefined;
  }

  saveDiscoveryState(state: OAuthDiscoveryState) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
}

/** A loopback listener on 127.0.0.1:<random port>/callback that hands over the authorization response. */
export async function startLoopbackRedirect() {
  // Set by nextCallback() before the browser is sent off, so a callback always has a taker.
  let deliver: ((params: URLSearchParams) => void) | null = null;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/callback") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Connected</title><h1>Authorization finished</h1><p>You can close this window.</p>");
    deliver?.(url.searchParams);
    deliver = null;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    /** The query of the next request to /callback (code, state, iss — or error). Call it before opening the authorization URL. */
    nextCallback: () => new Promise<URLSearchParams>((resolve) => (deliver = resolve)),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An SDK client whose transport authenticates through `provider` (and starts OAuth on a 401). */
export function oauthClient(url: string, provider: InMemoryOAuthProvider) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider: provider });
  const client = new Client({ name: "atelier-e2e-host", version: "1.0.0" });
  return { client, transport };
}

/**
 * Refreshes the provider's tokens now (what a host does when its access token expires): the SDK's
 * auth() with a stored refresh token goes to the token endpoint with grant_type=refresh_token.
 */
export async function refreshTokens(url: string, provider: InMemoryOAuthProvider) {
  const before = provider.tokens();
  if (!before?.refresh_token) throw new Error("No refresh token to refresh with");
  const result = await auth(provider, { serverUrl: url });
  if (result !== "AUTHORIZED") throw new Error(`Refresh did not authorize (${result})`);
  return { before, after: provider.tokens()! };
}

/** A raw MCP request with a bearer token, as any host sends it: the status and challenge tell what the server thinks of the token. */
export async function rawMcpRequest(url: string, token: string | null) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-11-25",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "atelier-e2e-raw", version: "1" } },
    }),
  });
  await response.body?.cancel();
  return { status: response.status, challenge: response.headers.get("www-authenticate") };
}
