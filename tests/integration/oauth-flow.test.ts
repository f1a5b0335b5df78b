// The authorization code flow over real HTTP: /oauth/authorize with the studio session, the
// consent decision, the token endpoint (PKCE, code reuse, refresh rotation and reuse detection),
// the revocation endpoint, and every refusal on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signConsentRequest, verifyConsentRequest } from "@/lib/oauth/consent-request";
import { loadConsent } from "@/lib/oauth/consent";
import { addMember, createOrgWithMembers, createTestUser, sessionCookie, type OrgFixture, type TestUser } from "./helpers";
import type { TestHttpServer } from "./mcp-helpers";
import {
  authorizeAndApprove,
  authorizeUrl,
  CALLBACK,
  connectWithOAuth,
  navigate,
  pkcePair,
  registerClient,
  startOAuthServer,
  submitConsent,
  tokenRequest,
  type RegisteredClient,
} from "./oauth-helpers";

let server: TestHttpServer;
let fixture: OrgFixture;
let client: RegisteredClient;
let production: string;
let draft: string;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
  client = (await registerClient(server.origin)).body;
  production = `${server.origin}/mcp/${fixture.organization.slug}/${fixture.project.slug}`;
  draft = `${production}/draft`;
});

afterAll(async () => {
  await server?.close();
});

/** GET /oauth/authorize as `user`: the consent request it leads to. */
async function consentRequestFor(user: TestUser, params: Parameters<typeof authorizeUrl>[1]) {
  const { location } = await navigate(authorizeUrl(server.origin, params), user);
  expect(location?.pathname).toBe("/oauth/consent");
  return location!.searchParams.get("request")!;
}

const isCallback = (url: URL | null) => url !== null && `${url.origin}${url.pathname}` === CALLBACK;

describe("authorization endpoint", () => {
  it("sends a signed-out user to sign in, and back to the very same authorize URL afterwards", async () => {
    const url = authorizeUrl(server.origin, { clientId: client.client_id, resource: production });
    const { status, location } = await navigate(url, null);
    expect(status).toBe(302);
    expect(location?.pathname).toBe("/sign-in");
    const back = new URL(location!.searchParams.get("callbackUrl")!, server.origin);
    expect(back.href).toBe(url);
  });

  it("issues a code bound to the request, with state and iss; redeeming it records grant.create with who, IP and user agent", async () => {
    const pkce = pkcePair();
    const consent = await consentRequestFor(fixture.users.editor, { clientId: client.client_id, resource: draft, pkce, state: "xyz 123" });
    const response = await fetch(`${server.origin}/oauth/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: await sessionCookie(fixture.users.editor),
        origin: server.origin,
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": "ConsentBrowser/1.0",
        "x-forwarded-for": "203.0.113.9",
      },
      body: new URLSearchParams({ consent_request: consent, decision: "approve" }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const redirect = new URL(response.headers.get("location")!);
    expect(isCallback(redirect)).toBe(true);
    expect(redirect.searchParams.get("state")).toBe("xyz 123");
    expect(redirect.searchParams.get("iss")).toBe(server.origin);
    const code = redirect.searchParams.get("code")!;
    expect(code).toMatch(/^atl_oac_/);

    const stored = await db.oAuthAuthorizationCode.findMany({ where: { codeChallenge: pkce.challenge }, omit: { codeHash: false } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ resource: draft, redirectUri: CALLBACK, environment: "DRAFT", scopes: ["mcp"], usedAt: null });
    expect(stored[0].codeHash).not.toBe(code);
    expect(stored[0].expiresAt.getTime() - stored[0].createdAt.getTime()).toBeLessThanOrEqual(60_000);
    // No grant until the host redeems the code; then the grant.create entry names who clicked Authorize, from where.
    expect(stored[0].grantId).toBeNull();
    const tokens = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
    const redeemed = await db.oAuthAuthorizationCode.findUniqueOrThrow({ where: { id: stored[0].id } });

    const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: redeemed.grantId! } });
    expect(grant).toMatchObject({
      userId: fixture.users.editor.id,
      projectId: fixture.project.id,
      organizationId: fixture.organization.id,
      resource: draft,
      environment: "DRAFT",
      revokedAt: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "grant.create", targetId: grant.id } });
    expect(audit).toMatchObject({
      actorUserId: fixture.users.editor.id,
      targetType: "oauth_grant",
      ip: "203.0.113.9",
      userAgent: "ConsentBrowser/1.0",
    });
    expect(audit.targetLabel).toBe(`Test Host → ${fixture.project.slug} (draft)`);
  });

  it("sends Deny back to the client as access_denied with state and iss, and creates no grant", async () => {
    const consent = await consentRequestFor(fixture.users.owner, { clientId: client.client_id, resource: production, state: "deny-state" });
    const before = await db.oAuthGrant.count({ where: { clientId: (await clientRow()).id } });
    const { location } = await submitConsent({
      origin: server.origin,
      user: fixture.users.owner,
      consentRequest: consent,
      decision: "deny",
    });
    expect(isCallback(location)).toBe(true);
    expect(location!.searchParams.get("error")).toBe("access_denied");
    expect(location!.searchParams.get("state")).toBe("deny-state");
    expect(location!.searchParams.get("iss")).toBe(server.origin);
    expect(location!.searchParams.has("code")).toBe(false);
    expect(await db.oAuthGrant.count({ where: { clientId: (await clientRow()).id } })).toBe(before);
  });

  it.each([
    ["an unknown client", { clientId: "atlc_nobody" }, "unknown_client"],
    ["no client_id", { clientId: "" }, "missing_client_id"],
    ["a redirect_uri the client did not register", { redirectUri: "https://evil.example/callback" }, "invalid_redirect_uri"],
    ["another path on the loopback host", { redirectUri: "http://127.0.0.1:4999/other" }, "invalid_redirect_uri"],
  ])("shows %s on Atelier's error page and never redirects to the client", async (_label, overrides, reason) => {
    const { status, location } = await navigate(
      authorizeUrl(server.origin, { clientId: client.client_id, resource: production, ...overrides }),
      fixture.users.owner,
    );
    expect(status).toBe(302);
    expect(location?.origin).toBe(server.origin);
    expect(location?.pathname).toBe("/oauth/error");
    expect(location?.searchParams.get("reason")).toBe(reason);
  });

  it("matches a loopback redirect URI on any port (RFC 8252), and only that port works at the token endpoint", async () => {
    const pkce = pkcePair();
    const redirectUri = "http://127.0.0.1:51234/callback";
    const redirect = await authorizeAndApprove(server.origin, fixture.users.owner, {
      clientId: client.client_id,
      resource: production,
      pkce,
      redirectUri,
    });
    expect(redirect.origin).toBe("http://127.0.0.1:51234");
    const code = redirect.searchParams.get("code")!;
    const wrongPort = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    });
    expect(wrongPort.status).toBe(400);
    expect(wrongPort.body.error).toBe("invalid_grant");
    const right = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code,
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
    });
    expect(right.status).toBe(200);
  });

  it("matches a non-loopback redirect URI exactly", async () => {
    const claude = (
      await registerClient(server.origin, { client_name: "Claude", redirect_uris: ["https://claude.ai/api/mcp/auth_callback"] })
    ).body;
    const exact = await navigate(
      authorizeUrl(server.origin, {
        clientId: claude.client_id,
        resource: production,
        redirectUri: "https://claude.ai/api/mcp/auth_callback",
      }),
      fixture.users.owner,
    );
    expect(exact.location?.pathname).toBe("/oauth/consent");
    for (const redirectUri of [
      "https://claude.ai/api/mcp/auth_callback/",
      "https://claude.ai:8443/api/mcp/auth_callback",
      "https://claude.ai/api/mcp/auth_callback?x=1",
    ]) {
      const { location } = await navigate(
        authorizeUrl(server.origin, { clientId: claude.client_id, resource: production, redirectUri }),
        fixture.users.owner,
      );
      expect(location?.pathname, redirectUri).toBe("/oauth/error");
    }
  });

  it.each([
    ["no PKCE challenge", { extra: {}, noChallenge: true }, "invalid_request", /code_challenge is required/],
    ["the plain PKCE method", { method: "plain" }, "invalid_request", /S256/],
    ["no PKCE method (which means plain)", { method: null }, "invalid_request", /S256/],
    ["no resource", { resource: null }, "invalid_target", /resource is required/],
    ["a resource on another origin", { resource: "https://elsewhere.example/mcp/a/b" }, "invalid_target", /MCP endpoint/],
    ["a resource with a trailing slash", { resourceSuffix: "/" }, "invalid_target", /exactly/],
    ["a resource for a project that does not exist", { resourceProject: "no-such-project" }, "invalid_target", /MCP endpoint/],
    ["response_type token", { extra: { response_type: "token" } }, "unsupported_response_type", /code/],
  ])("sends %s back to the client as an error with state and iss", async (_label, options, error, description) => {
    const opts = options as {
      method?: string | null;
      resource?: string | null;
      resourceSuffix?: string;
      resourceProject?: string;
      scope?: string;
      extra?: Record<string, string>;
      noChallenge?: boolean;
    };
    const resource =
      opts.resource !== undefined
        ? opts.resource
        : opts.resourceProject
          ? `${server.origin}/mcp/${fixture.organization.slug}/${opts.resourceProject}`
          : `${production}${opts.resourceSuffix ?? ""}`;
    const url = new URL(
      authorizeUrl(server.origin, {
        clientId: client.client_id,
        resource,
        method: opts.method,
        scope: opts.scope,
        extra: opts.extra,
        state: "s-1",
      }),
    );
    if (opts.noChallenge) url.searchParams.delete("code_challenge");
    const { location } = await navigate(url.href, fixture.users.owner);
    expect(isCallback(location)).toBe(true);
    expect(location!.searchParams.get("error")).toBe(error);
    expect(location!.searchParams.get("error_description")).toMatch(description);
    expect(location!.searchParams.get("state")).toBe("s-1");
    expect(location!.searchParams.get("iss")).toBe(server.origin);
  });

  it.each([
    ["offline_access alone", "offline_access"],
    ["mcp and offline_access", "mcp offline_access"],
    ["an unknown scope beside mcp", "mcp admin"],
  ])("accepts %s: unknown scopes are ignored and the token carries mcp, with a refresh token", async (_label, scope) => {
    const pkce = pkcePair();
    const redirect = await authorizeAndApprove(server.origin, fixture.users.owner, {
      clientId: client.client_id,
      resource: production,
      pkce,
      scope,
    });
    expect(redirect.searchParams.get("error")).toBeNull();
    const tokens = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code: redirect.searchParams.get("code")!,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ scope: "mcp", refresh_token: expect.stringMatching(/^atl_ort_/) });
    const refreshed = await tokenRequest(server.origin, {
      grant_type: "refresh_token",
      client_id: client.client_id,
      refresh_token: tokens.body.refresh_token,
      scope,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.scope).toBe("mcp");
  });

  it("answers at /authorize exactly like /oauth/authorize, for the request and the consent form", async () => {
    const pkce = pkcePair();
    const first = await navigate(
      authorizeUrl(server.origin, { clientId: client.client_id, resource: production, pkce }, "/authorize"),
      fixture.users.owner,
    );
    expect(first.location?.pathname).toBe("/oauth/consent");
    const decided = await submitConsent({
      origin: server.origin,
      user: fixture.users.owner,
      consentRequest: first.location!.searchParams.get("request")!,
      decision: "approve",
      path: "/authorize",
    });
    const code = decided.location?.searchParams.get("code");
    expect(code).toBeTruthy();
    const tokens = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code: code!,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
  });
});

describe("consent: who may authorize", () => {
  it("lets a non-member see no more than the endpoint URL, and refuses their Authorize", async () => {
    const outsider = await createTestUser({ name: "Outsider" });
    const consent = await consentRequestFor(outsider, { clientId: client.client_id, resource: production });
    const view = await loadConsent({ request: consent, actor: outsider, issuer: server.origin });
    expect(view).toMatchObject({
      kind: "consent",
      access: { allowed: false, reason: "not_member" },
      organization: null,
      project: null,
      endpoint: { url: production },
    });

    const before = await db.oAuthGrant.count({ where: { userId: outsider.id } });
    const { location } = await submitConsent({ origin: server.origin, user: outsider, consentRequest: consent, decision: "approve" });
    expect(location?.pathname).toBe("/oauth/error");
    expect(location?.searchParams.get("reason")).toBe("not_allowed");
    expect(await db.oAuthGrant.count({ where: { userId: outsider.id } })).toBe(before);
  });

  it("refuses a Viewer the draft endpoint, but lets them authorize production", async () => {
    const viewer = fixture.users.viewer;
    const draftConsent = await consentRequestFor(viewer, { clientId: client.client_id, resource: draft });
    expect(await loadConsent({ request: draftConsent, actor: viewer, issuer: server.origin })).toMatchObject({
      access: { allowed: false, reason: "role", role: "VIEWER" },
      organization: { slug: fixture.organization.slug },
    });
    const refused = await submitConsent({ origin: server.origin, user: viewer, consentRequest: draftConsent, decision: "approve" });
    expect(refused.location?.searchParams.get("reason")).toBe("not_allowed");

    const redirect = await authorizeAndApprove(server.origin, viewer, { clientId: client.client_id, resource: production });
    expect(redirect.searchParams.get("code")).toMatch(/^atl_oac_/);
  });

  it("lets a Viewer who owns the project authorize its draft endpoint", async () => {
    const redirect = await authorizeAndApprove(server.origin, fixture.users.projectOwner, { clientId: client.client_id, resource: draft });
    expect(redirect.searchParams.get("code")).toMatch(/^atl_oac_/);
  });

  it("names the client, its redirect host, the organization, project, endpoint, scopes and user on the consent page", async () => {
    const consent = await consentRequestFor(fixture.users.editor, { clientId: client.client_id, resource: draft });
    expect(await loadConsent({ request: consent, actor: fixture.users.editor, issuer: server.origin })).toMatchObject({
      kind: "consent",
      access: { allowed: true },
      client: { name: "Test Host", redirectHost: "127.0.0.1:4999", unverified: true },
      organization: { slug: fixture.organization.slug, name: fixture.organization.name },
      project: { slug: fixture.project.slug, name: fixture.project.name },
      endpoint: { environment: "draft", url: draft },
      scopes: ["mcp"],
      user: { email: fixture.users.editor.email },
    });
  });
});

describe("consent form protection", () => {
  it("refuses a decision posted from another origin, or with no Origin at all", async () => {
    const consent = await consentRequestFor(fixture.users.owner, { clientId: client.client_id, resource: production });
    for (const originHeader of ["https://evil.example", null]) {
      const { location } = await submitConsent({
        origin: server.origin,
        user: fixture.users.owner,
        consentRequest: consent,
        decision: "approve",
        originHeader,
      });
      expect(location?.pathname).toBe("/oauth/error");
      expect(location?.searchParams.get("reason")).toBe("forbidden_origin");
    }
  });

  it("refuses a consent request made for another user, a tampered one and an expired one", async () => {
    const consent = await consentRequestFor(fixture.users.owner, { clientId: client.client_id, resource: production });
    const otherUser = await submitConsent({
      origin: server.origin,
      user: fixture.users.admin,
      consentRequest: consent,
      decision: "approve",
    });
    expect(otherUser.location?.searchParams.get("reason")).toBe("wrong_user");

    const checked = verifyConsentRequest(consent);
    if (!("request" in checked)) throw new Error("expected a valid consent request");
    const [payload, signature] = consent.split(".");
    const forged = Buffer.from(JSON.stringify({ ...checked.request, userId: fixture.users.admin.id })).toString("base64url");
    const tampered = await submitConsent({
      origin: server.origin,
      user: fixture.users.admin,
      consentRequest: `${forged}.${signature}`,
      decision: "approve",
    });
    expect(tampered.location?.searchParams.get("reason")).toBe("consent_invalid");
    expect(payload).not.toBe(forged);

    const { expiresAt: _expiresAt, ...fields } = checked.request;
    const expired = signConsentRequest(fields, Date.now() - 11 * 60 * 1000);
    const late = await submitConsent({ origin: server.origin, user: fixture.users.owner, consentRequest: expired, decision: "approve" });
    expect(late.location?.searchParams.get("reason")).toBe("consent_expired");
  });
});

describe("grants and consent requests", () => {
  const grantsOf = async (clientId: string) => db.oAuthGrant.count({ where: { client: { clientId } } });

  it("creates no grant for an authorization whose code is never redeemed, and exactly one once it is", async () => {
    const own = (await registerClient(server.origin)).body;
    const pkce = pkcePair();
    // A host that retries consent three times and redeems only the last code.
    const redirects = [];
    for (let attempt = 0; attempt < 3; attempt++)
      redirects.push(
        await authorizeAndApprove(server.origin, fixture.users.owner, { clientId: own.client_id, resource: production, pkce }),
      );
    expect(await grantsOf(own.client_id)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "grant.create", newValue: { path: ["clientId"], equals: own.client_id } } })).toBe(
      0,
    );
    const tokens = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: own.client_id,
      code: redirects[2].searchParams.get("code")!,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
    expect(await grantsOf(own.client_id)).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "grant.create", newValue: { path: ["clientId"], equals: own.client_id } } })).toBe(
      1,
    );
  });

  it("answers a consent request once: a replayed Authorize makes no second code, and the page says it was answered", async () => {
    const own = (await registerClient(server.origin)).body;
    const consent = await consentRequestFor(fixture.users.owner, { clientId: own.client_id, resource: production });
    const first = await submitConsent({ origin: server.origin, user: fixture.users.owner, consentRequest: consent, decision: "approve" });
    expect(first.location?.searchParams.get("code")).toMatch(/^atl_oac_/);
    const replayed = await submitConsent({
      origin: server.origin,
      user: fixture.users.owner,
      consentRequest: consent,
      decision: "approve",
    });
    expect(replayed.location?.pathname).toBe("/oauth/error");
    expect(replayed.location?.searchParams.get("reason")).toBe("consent_used");
    expect(await loadConsent({ request: consent, actor: fixture.users.owner, issuer: server.origin })).toMatchObject({
      kind: "problem",
      reason: "consent_used",
    });
    expect(await db.oAuthAuthorizationCode.count({ where: { client: { clientId: own.client_id } } })).toBe(1);
  });

  it("makes one code of two Authorize posts of the same consent request at once", async () => {
    const own = (await registerClient(server.origin)).body;
    const consent = await consentRequestFor(fixture.users.owner, { clientId: own.client_id, resource: production });
    const both = await Promise.all(
      [0, 1].map(() => submitConsent({ origin: server.origin, user: fixture.users.owner, consentRequest: consent, decision: "approve" })),
    );
    expect(
      both.map((result) => (result.location?.searchParams.has("code") ? "code" : result.location?.searchParams.get("reason"))).sort(),
    ).toEqual(["code", "consent_used"]);
    expect(await db.oAuthAuthorizationCode.count({ where: { client: { clientId: own.client_id } } })).toBe(1);
  });
});

describe("token endpoint", () => {
  async function freshCode(options: { user?: TestUser; resource?: string; forClient?: RegisteredClient } = {}) {
    const pkce = pkcePair();
    const target = options.forClient ?? client;
    const redirect = await authorizeAndApprove(server.origin, options.user ?? fixture.users.owner, {
      clientId: target.client_id,
      resource: options.resource ?? production,
      pkce,
    });
    return { code: redirect.searchParams.get("code")!, pkce };
  }

  const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
    tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
      ...extra,
    });

  it("exchanges a code for a Bearer access token (1 hour) and a refresh token, stored only as hashes, never cached", async () => {
    const { code, pkce } = await freshCode();
    const { status, headers, body } = await exchange(code, pkce.verifier, { resource: production });
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "mcp" });
    expect(body.access_token).toMatch(/^atl_oat_/);
    expect(body.refresh_token).toMatch(/^atl_ort_/);
    const stored = await db.oAuthAccessToken.findFirstOrThrow({
      where: { grant: { clientId: (await clientRow()).id } },
      orderBy: { createdAt: "desc" },
      omit: { tokenHash: false },
    });
    expect(stored.tokenHash).not.toContain(body.access_token);
    expect(await db.oAuthAccessToken.count({ where: { tokenHash: body.access_token } })).toBe(0);
    expect(await db.oAuthRefreshToken.count({ where: { tokenHash: body.refresh_token } })).toBe(0);
  });

  it("accepts a JSON body and the /token alias", async () => {
    const { code, pkce } = await freshCode();
    const response = await tokenRequest(
      server.origin,
      { grant_type: "authorization_code", client_id: client.client_id, code, redirect_uri: CALLBACK, code_verifier: pkce.verifier },
      { path: "/token", json: true },
    );
    expect(response.status).toBe(200);
    expect(response.body.access_token).toMatch(/^atl_oat_/);
  });

  it("refuses a wrong PKCE verifier, a missing one, and a redirect_uri other than the request's", async () => {
    const { code, pkce } = await freshCode();
    const wrong = await exchange(code, pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/code_verifier/) });
    expect(wrong.headers.get("cache-control")).toBe("no-store");
    const missing = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: client.client_id,
      code,
      redirect_uri: CALLBACK,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_request");
    const otherRedirect = await exchange(code, pkce.verifier, { redirect_uri: "http://127.0.0.1:4999/elsewhere" });
    expect(otherRedirect.body.error).toBe("invalid_grant");
    // None of those used up the code.
    expect((await exchange(code, pkce.verifier)).status).toBe(200);
  });

  it("refuses a resource other than the one the code was granted for: invalid_target", async () => {
    const { code, pkce } = await freshCode();
    const response = await exchange(code, pkce.verifier, { resource: draft });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_target");
  });

  it("refuses a reused code and revokes the grant it produced, audited as grant.revoke", async () => {
    const { code, pkce } = await freshCode();
    const first = await exchange(code, pkce.verifier);
    expect(first.status).toBe(200);
    const again = await exchange(code, pkce.verifier);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe("invalid_grant");
    const grant = await db.oAuthGrant.findFirstOrThrow({
      where: { accessTokens: { none: {} }, revokedReason: "authorization_code_reuse" },
      orderBy: { revokedAt: "desc" },
    });
    expect(grant.revokedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "grant.revoke", targetId: grant.id, actorUserId: null } })).toBe(1);
    // The tokens the first exchange issued are gone with it.
    const refresh = await tokenRequest(server.origin, {
      grant_type: "refresh_token",
      client_id: client.client_id,
      refresh_token: first.body.refresh_token,
    });
    expect(refresh.body.error).toBe("invalid_grant");
  });

  it("refuses an expired code", async () => {
    const { code, pkce } = await freshCode();
    await db.oAuthAuthorizationCode.updateMany({
      where: { codeChallenge: pkce.challenge },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await exchange(code, pkce.verifier);
    expect(response.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/expired/) });
  });

  it("refuses a code issued to another client", async () => {
    const other = (await registerClient(server.origin, { client_name: "Other" })).body;
    const { code, pkce } = await freshCode({ forClient: other });
    const response = await exchange(code, pkce.verifier);
    expect(response.body.error).toBe("invalid_grant");
  });

  it("answers 401 invalid_client for an unknown client or a missing client_id", async () => {
    for (const clientId of ["atlc_unknown", ""]) {
      const response = await tokenRequest(server.origin, {
        grant_type: "authorization_code",
        client_id: clientId,
        code: "atl_oac_x",
        redirect_uri: CALLBACK,
        code_verifier: "v".repeat(43),
      });
      expect(response.status).toBe(401);
      expect(response.body.error).toBe("invalid_client");
    }
  });

  it("authenticates a client_secret_post client by its secret, compared in constant time", async () => {
    const confidential = (
      await registerClient(server.origin, { client_name: "Server app", token_endpoint_auth_method: "client_secret_post" })
    ).body;
    const { code, pkce } = await freshCode({ forClient: confidential });
    const base = {
      grant_type: "authorization_code",
      client_id: confidential.client_id,
      code,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    };
    expect((await tokenRequest(server.origin, base)).status).toBe(401);
    expect((await tokenRequest(server.origin, { ...base, client_secret: "atl_ocs_wrong" })).body.error).toBe("invalid_client");
    const right = await tokenRequest(server.origin, { ...base, client_secret: confidential.client_secret! });
    expect(right.status).toBe(200);
  });

  it("refuses other grant types and requests without grant_type", async () => {
    const other = await tokenRequest(server.origin, { grant_type: "client_credentials", client_id: client.client_id });
    expect(other.status).toBe(400);
    expect(other.body.error).toBe("unsupported_grant_type");
    const none = await tokenRequest(server.origin, { client_id: client.client_id });
    expect(none.body.error).toBe("invalid_request");
  });

  it("rotates refresh tokens; presenting a used one after the grace window revokes the whole grant (refresh_token_reuse)", async () => {
    const { client: own, tokens } = await connectWithOAuth(server.origin, fixture.users.owner, production);
    const grantId = (await db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId: own.client_id } } })).id;
    const refreshAs = (refreshToken: string, clientId = own.client_id) =>
      tokenRequest(server.origin, { grant_type: "refresh_token", client_id: clientId, refresh_token: refreshToken });

    expect((await refreshAs(tokens.refresh_token, client.client_id)).body.error).toBe("invalid_grant"); // another client's token
    const rotated = await refreshAs(tokens.refresh_token);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(rotated.body.access_token).not.toBe(tokens.access_token);

    // Past the grace window (REFRESH_TOKEN_REUSE_GRACE_SECONDS), a used token is a stolen one.
    await db.oAuthRefreshToken.updateMany({ where: { grantId, usedAt: { not: null } }, data: { usedAt: new Date(Date.now() - 31_000) } });
    const reused = await refreshAs(tokens.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
    const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
    expect(grant.revokedReason).toBe("refresh_token_reuse");
    expect(await db.auditEvent.count({ where: { action: "grant.revoke", targetId: grant.id } })).toBe(1);
    // The newest refresh token died with the grant.
    expect((await refreshAs(rotated.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("answers two simultaneous refreshes with the same token without revoking: both get working tokens", async () => {
    const { client: own, tokens } = await connectWithOAuth(server.origin, fixture.users.owner, production);
    const refresh = (refreshToken: string) =>
      tokenRequest(server.origin, { grant_type: "refresh_token", client_id: own.client_id, refresh_token: refreshToken });
    const both = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
    expect(both.map((result) => result.status)).toEqual([200, 200]);
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId: own.client_id } } });
    expect(grant.revokedAt).toBeNull();
    // Each successor works, and the host goes on refreshing with whichever it kept.
    for (const result of both) expect((await refresh(result.body.refresh_token)).status).toBe(200);
  });

  it("forgives a retry after a lost response within the grace window, but not once the successor has been used", async () => {
    const { client: own, tokens } = await connectWithOAuth(server.origin, fixture.users.owner, production);
    const refresh = (refreshToken: string) =>
      tokenRequest(server.origin, { grant_type: "refresh_token", client_id: own.client_id, refresh_token: refreshToken });
    const lost = await refresh(tokens.refresh_token);
    expect(lost.status).toBe(200);
    const retried = await refresh(tokens.refresh_token);
    expect(retried.status).toBe(200);
    expect(retried.body.refresh_token).not.toBe(lost.body.refresh_token);
    const grant = () => db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId: own.client_id } } });
    expect((await grant()).revokedAt).toBeNull();

    // The host moved on with the retried successor: the original token is now plain reuse.
    expect((await refresh(retried.body.refresh_token)).status).toBe(200);
    const late = await refresh(tokens.refresh_token);
    expect(late.body.error).toBe("invalid_grant");
    expect((await grant()).revokedReason).toBe("refresh_token_reuse");
  });

  it("drops a grant's lapsed access tokens when it issues new ones, and keeps used refresh tokens for reuse detection", async () => {
    const { client: own, tokens } = await connectWithOAuth(server.origin, fixture.users.owner, production);
    const grantId = (await db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId: own.client_id } } })).id;
    await db.oAuthAccessToken.updateMany({ where: { grantId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const rotated = await tokenRequest(server.origin, {
      grant_type: "refresh_token",
      client_id: own.client_id,
      refresh_token: tokens.refresh_token,
    });
    expect(rotated.status).toBe(200);
    expect(await db.oAuthAccessToken.count({ where: { grantId } })).toBe(1);
    expect(await db.oAuthRefreshToken.count({ where: { grantId } })).toBe(2);
  });

  it("refuses to refresh for a user who left the organization", async () => {
    const leaver = await createTestUser({ name: "Leaver" });
    await addMember({ orgSlug: fixture.organization.slug, inviter: fixture.users.owner, user: leaver, role: "EDITOR" });
    const { client: own, tokens } = await connectWithOAuth(server.origin, leaver, production);
    await db.membership.deleteMany({ where: { userId: leaver.id, organizationId: fixture.organization.id } });
    const response = await tokenRequest(server.origin, {
      grant_type: "refresh_token",
      client_id: own.client_id,
      refresh_token: tokens.refresh_token,
    });
    expect(response.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/no longer a member/) });
  });
});

describe("revocation endpoint", () => {
  it("revokes a refresh token's whole grant (audited), answers 200 for unknown tokens", async () => {
    const { client: own, tokens } = await connectWithOAuth(server.origin, fixture.users.admin, production);
    const revoke = (token: string) =>
      fetch(`${server.origin}/oauth/revoke`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, client_id: own.client_id }),
      });
    expect((await revoke("atl_ort_unknown")).status).toBe(200);
    expect((await revoke(tokens.refresh_token)).status).toBe(200);
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId: own.client_id } } });
    expect(grant.revokedReason).toBe("revoked_by_client");
    expect(await db.auditEvent.count({ where: { action: "grant.revoke", targetId: grant.id } })).toBe(1);
  });

  it("does nothing to another client's token", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.admin, production);
    const response = await fetch(`${server.origin}/oauth/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.refresh_token, client_id: client.client_id }),
    });
    expect(response.status).toBe(200);
    const stored = await db.oAuthRefreshToken.findMany({
      where: { usedAt: null, grant: { revokedAt: null, userId: fixture.users.admin.id } },
    });
    expect(stored.length).toBeGreaterThan(0);
  });
});

async function clientRow() {
  return db.oAuthClient.findUniqueOrThrow({ where: { clientId: client.client_id } });
}
