// OAuth access tokens on the MCP endpoints, over real HTTP with the real SDK v2 client: a token
// opens exactly the endpoint it was granted for, and stops working the moment its grant, its
// user's membership or role, or its lifetime says so.
import { auth as v1Auth, type OAuthClientProvider as V1ClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client as V1Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as V1StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationFull as V1ClientInformation, OAuthTokens as V1Tokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { removeMember, updateMemberRole } from "@/lib/members/members";
import { unsafeRevokeGrant } from "@/lib/oauth/revoke-grant";
import { hashToken } from "@/lib/tokens/secret-token";
import { createTool } from "@/lib/tools/tools";
import { addMember, createOrgWithMembers, createTestUser, type OrgFixture } from "./helpers";
import { connectClient, createProjectWithDraftToken, postJsonRpc, RAW_INITIALIZE, type Era, type TestHttpServer } from "./mcp-helpers";
import {
  approveInBrowser,
  attemptWithToken as attempt,
  authorizeWithSdk,
  connectWithOAuth,
  connectWithProvider,
  InMemoryOAuthProvider,
  startOAuthServer,
  tokenRequest,
} from "./oauth-helpers";
import { publishingApi } from "./publish-helpers";

let server: TestHttpServer;
let fixture: OrgFixture;
let production: string;
let draft: string;
let otherProduction: string;

async function publishedProject() {
  const orgSlug = fixture.organization.slug;
  const { project, access } = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  await createTool({
    access,
    input: {
      name: "echo",
      kind: "data",
      inputSchema: { type: "object", properties: { text: { type: "string" } } },
      handler: "async (props, env) => ({ echoed: props.text ?? null, environment: env.environment })",
    },
  });
  const published = await publishingApi({ orgSlug, projectSlug: project.slug }).publish(fixture.users.owner, { changelog: "First" });
  expect(published.status).toBe(201);
  return `${server.origin}/mcp/${orgSlug}/${project.slug}`;
}

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
  production = await publishedProject();
  draft = `${production}/draft`;
  otherProduction = await publishedProject();
});

afterAll(async () => {
  await server?.close();
});

const metadataOf = (url: string) => url.replace(server.origin, `${server.origin}/.well-known/oauth-protected-resource`);

async function echo(url: string, token: string, era: Era) {
  const client = await connectClient({ url, token, era });
  try {
    const { tools } = await client.listTools();
    const result = await client.callTool({ name: "echo", arguments: { text: "hi" } });
    return { names: tools.map((tool) => tool.name), structured: result.structuredContent };
  } finally {
    await client.close();
  }
}

async function grantOf(accessToken: string) {
  const token = await db.oAuthAccessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(accessToken) }, include: { grant: true } });
  return token.grant;
}

describe("a host with an OAuth access token", () => {
  it.each(["modern", "legacy"] as const)("lists and calls tools on production and on draft (%s era)", async (era) => {
    const productionTokens = (await connectWithOAuth(server.origin, fixture.users.editor, production)).tokens;
    expect(await echo(production, productionTokens.access_token, era)).toEqual({
      names: ["echo"],
      structured: { echoed: "hi", environment: "production" },
    });
    const draftTokens = (await connectWithOAuth(server.origin, fixture.users.editor, draft)).tokens;
    expect(await echo(draft, draftTokens.access_token, era)).toEqual({
      names: ["echo"],
      structured: { echoed: "hi", environment: "draft" },
    });
  });

  it("is refused with 401 and the challenge on the other endpoint of the project and on another project", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.owner, production);
    expect((await attempt(production, tokens.access_token)).status).toBe(200);
    for (const url of [draft, otherProduction, `${otherProduction}/draft`]) {
      const { status, challenge } = await attempt(url, tokens.access_token);
      expect(status, url).toBe(401);
      expect(challenge).toContain('Bearer error="invalid_token"');
      expect(challenge).toContain(`resource_metadata="${metadataOf(url)}"`);
    }
    const draftTokens = (await connectWithOAuth(server.origin, fixture.users.owner, draft)).tokens;
    expect((await attempt(production, draftTokens.access_token)).status).toBe(401);
  });

  it("goes through refresh; reusing the old refresh token after the grace window revokes the grant and the next call is 401", async () => {
    const { client, tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    const refresh = (token: string) =>
      tokenRequest(server.origin, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: token });
    const rotated = await refresh(tokens.refresh_token);
    expect(rotated.status).toBe(200);
    expect(await echo(production, rotated.body.access_token, "modern")).toMatchObject({ names: ["echo"] });

    // After the grace window that forgives a race or a retry (REFRESH_TOKEN_REUSE_GRACE_SECONDS).
    await db.oAuthRefreshToken.updateMany({
      where: { tokenHash: hashToken(tokens.refresh_token) },
      data: { usedAt: new Date(Date.now() - 31_000) },
    });
    expect((await refresh(tokens.refresh_token)).body.error).toBe("invalid_grant");
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { client: { clientId: client.client_id } } });
    expect(grant.revokedReason).toBe("refresh_token_reuse");
    for (const accessToken of [tokens.access_token, rotated.body.access_token]) {
      expect((await attempt(production, accessToken)).status).toBe(401);
    }
  });

  it("stops working on the next request once the grant is revoked (Authorized apps), audited", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.editor, draft);
    expect((await attempt(draft, tokens.access_token)).status).toBe(200);
    const grant = await grantOf(tokens.access_token);
    const revoked = await unsafeRevokeGrant({ grantId: grant.id, reason: "revoked_by_user", actor: fixture.users.editor });
    expect(revoked?.id).toBe(grant.id);
    expect((await attempt(draft, tokens.access_token)).status).toBe(401);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "grant.revoke", targetId: grant.id } });
    expect(audit).toMatchObject({ actorUserId: fixture.users.editor.id, newValue: { reason: "revoked_by_user" } });
    expect(await unsafeRevokeGrant({ grantId: grant.id, reason: "revoked_by_user", actor: fixture.users.editor })).toBeNull();
  });

  it("is refused once expired", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    await db.oAuthAccessToken.update({
      where: { tokenHash: hashToken(tokens.access_token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const { status, challenge } = await attempt(production, tokens.access_token);
    expect(status).toBe(401);
    expect(challenge).toContain('error="invalid_token"');
  });

  it("is refused on the draft endpoint as an OAuth access token, not as a draft token", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    const response = await postJsonRpc(draft, RAW_INITIALIZE, { Authorization: `Bearer ${tokens.access_token}` });
    expect(response.status).toBe(401);
    const body = JSON.parse(response.text) as { error: { message: string } };
    expect(body.error.message).toMatch(/OAuth access token is not valid for this endpoint/);
    expect(body.error.message).not.toMatch(/draft token/);
    expect(response.headers.get("www-authenticate")).toContain("OAuth access token");
  });

  it("is refused when one character is changed", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    const last = tokens.access_token.at(-1)!;
    const tampered = `${tokens.access_token.slice(0, -1)}${last === "A" ? "B" : "A"}`;
    expect((await attempt(production, tampered)).status).toBe(401);
    expect((await attempt(production, tokens.access_token)).status).toBe(200);
  });

  it("stops working for a member removed from the organization", async () => {
    const member = await createTestUser({ name: "Temporary" });
    await addMember({ orgSlug: fixture.organization.slug, inviter: fixture.users.owner, user: member, role: "EDITOR" });
    const { tokens } = await connectWithOAuth(server.origin, member, production);
    expect((await attempt(production, tokens.access_token)).status).toBe(200);
    const access = await getOrganizationAccess({
      actor: fixture.users.owner,
      orgSlug: fixture.organization.slug,
      permission: "organization.members",
    });
    await removeMember({ access, actor: fixture.users.owner, userId: member.id });
    expect((await attempt(production, tokens.access_token)).status).toBe(401);
  });

  it("loses the draft endpoint (but not production) when the user is made a Viewer", async () => {
    const member = await createTestUser({ name: "Demoted" });
    await addMember({ orgSlug: fixture.organization.slug, inviter: fixture.users.owner, user: member, role: "EDITOR" });
    const draftTokens = (await connectWithOAuth(server.origin, member, draft)).tokens;
    const productionTokens = (await connectWithOAuth(server.origin, member, production)).tokens;
    const access = await getOrganizationAccess({
      actor: fixture.users.owner,
      orgSlug: fixture.organization.slug,
      permission: "organization.members",
    });
    await updateMemberRole({ access, actor: fixture.users.owner, userId: member.id, role: "VIEWER" });
    expect((await attempt(draft, draftTokens.access_token)).status).toBe(401);
    expect((await attempt(production, productionTokens.access_token)).status).toBe(200);
  });

  it("records use at most once a minute per grant", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    const grant = await grantOf(tokens.access_token);
    expect(grant.lastUsedAt).toBeNull();
    await attempt(production, tokens.access_token);
    const first = (await grantOf(tokens.access_token)).lastUsedAt;
    expect(first).not.toBeNull();
    await attempt(production, tokens.access_token);
    expect((await grantOf(tokens.access_token)).lastUsedAt).toEqual(first);
    // Two minutes later: the clock moves, not the row (the process also remembers its own writes).
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 60_000 });
    try {
      await attempt(production, tokens.access_token);
    } finally {
      vi.useRealTimers();
    }
    expect((await grantOf(tokens.access_token)).lastUsedAt!.getTime()).toBeGreaterThan(first!.getTime());
  });

  it("is refused after the revocation endpoint revoked it, while the grant's refresh token still works", async () => {
    const { client, tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    const response = await fetch(`${server.origin}/oauth/revoke`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.access_token, token_type_hint: "access_token", client_id: client.client_id }),
    });
    expect(response.status).toBe(200);
    expect((await attempt(production, tokens.access_token)).status).toBe(401);
    const refreshed = await tokenRequest(server.origin, {
      grant_type: "refresh_token",
      client_id: client.client_id,
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
  });
});

/** The tool names the client lists, then the client closed. */
async function toolNamesThenClose(client: { listTools(): Promise<{ tools: Array<{ name: string }> }>; close(): Promise<void> }) {
  try {
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
  }
}

describe("the SDK v2 client's OAuth support", () => {
  it.each([
    ["production", () => production],
    ["draft", () => draft],
  ])("discovers, registers, authorizes and connects to %s from the endpoint URL alone", async (_label, endpoint) => {
    const serverUrl = endpoint();
    const { provider, authorizationUrl } = await authorizeWithSdk(serverUrl, fixture.users.editor);
    expect(authorizationUrl.searchParams.get("resource")).toBe(serverUrl);
    expect(await toolNamesThenClose(await connectWithProvider(serverUrl, provider))).toEqual(["echo"]);
  });
});

/** The SDK v1 client's OAuth support (what MCP Inspector and mcp-remote use), state in memory. */
class V1OAuthProvider extends InMemoryOAuthProvider<V1ClientInformation, V1Tokens> implements V1ClientProvider {
  constructor() {
    super("SDK v1 Host");
  }
}

// Without ATELIER_URL the server describes itself at whatever address the host was given: the
// route server answers like `next start` (request.url says localhost whatever the address), so
// this fails if the origin comes from request.url instead of the request's Host.
describe("a stock SDK client given any address of the server (no ATELIER_URL)", () => {
  const at = (url: string, host: "127.0.0.1" | "localhost") => url.replace("127.0.0.1", host);

  it.each([
    ["v2", "127.0.0.1"],
    ["v2", "localhost"],
    ["v1", "127.0.0.1"],
    ["v1", "localhost"],
  ] as const)("SDK %s connects with OAuth at http://%s:PORT/mcp/…/draft", async (sdk, host) => {
    const serverUrl = at(draft, host);
    if (sdk === "v2") {
      const { provider, authorizationUrl, callback } = await authorizeWithSdk(serverUrl, fixture.users.editor);
      expect(authorizationUrl.origin).toBe(new URL(serverUrl).origin);
      expect(callback.searchParams.get("iss")).toBe(new URL(serverUrl).origin);
      expect(await toolNamesThenClose(await connectWithProvider(serverUrl, provider))).toEqual(["echo"]);
    } else {
      const provider = new V1OAuthProvider();
      expect(await v1Auth(provider, { serverUrl })).toBe("REDIRECT");
      expect(provider.authorizationUrl?.searchParams.get("resource")).toBe(serverUrl);
      const callback = await approveInBrowser(provider.authorizationUrl!.href, fixture.users.editor);
      expect(await v1Auth(provider, { serverUrl, authorizationCode: callback.searchParams.get("code")! })).toBe("AUTHORIZED");
      const client = new V1Client({ name: "sdk-v1-host", version: "1.0.0" });
      await client.connect(new V1StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
      expect(await toolNamesThenClose(client)).toEqual(["echo"]);
    }
  });

  it("names the address the request came to in the metadata, the issuer and the challenge", async () => {
    const path = new URL(production).pathname;
    for (const host of ["127.0.0.1", "localhost"] as const) {
      const origin = at(server.origin, host);
      const challenge = (await postJsonRpc(`${origin}${path}`, RAW_INITIALIZE)).headers.get("www-authenticate");
      expect(challenge).toContain(`resource_metadata="${origin}/.well-known/oauth-protected-resource${path}"`);
      expect(challenge).toContain('scope="mcp"');
      const metadata = (await (await fetch(`${origin}/.well-known/oauth-protected-resource${path}`)).json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({ resource: `${origin}${path}`, authorization_servers: [origin] });
      const issuer = (await (await fetch(`${origin}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      expect(issuer.issuer).toBe(origin);
    }
  });

  it("takes X-Forwarded-Host and -Proto from the trusted proxy only (the last entry with one hop), and never a malformed host", async () => {
    const path = new URL(production).pathname;
    const metadataWith = async (headers: Record<string, string>) =>
      ((await (await fetch(`${server.origin}/.well-known/oauth-protected-resource${path}`, { headers })).json()) as { resource: string })
        .resource;
    expect(await metadataWith({ "X-Forwarded-Host": "atelier.example.com", "X-Forwarded-Proto": "https" })).toBe(
      `https://atelier.example.com${path}`,
    );
    // What the client sent before the proxy's own entry is not trusted.
    expect(await metadataWith({ "X-Forwarded-Host": "evil.example, atelier.example.com", "X-Forwarded-Proto": "https" })).toBe(
      `https://atelier.example.com${path}`,
    );
    expect(await metadataWith({ "X-Forwarded-Host": "evil.example/@x", "X-Forwarded-Proto": "gopher" })).toBe(`${server.origin}${path}`);
  });

  it("binds a token to the address it was granted at: the same endpoint under another name refuses it", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.editor, production);
    expect((await attempt(production, tokens.access_token)).status).toBe(200);
    expect((await attempt(at(production, "localhost"), tokens.access_token)).status).toBe(401);
  });
});
