// OAuth discovery (RFC 9728, RFC 8414 and the OpenID path) and client registration (RFC 7591 /
// 7592), over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import type { TestHttpServer } from "./mcp-helpers";
import { CALLBACK, registerClient, startOAuthServer } from "./oauth-helpers";

let server: TestHttpServer;
let fixture: OrgFixture;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
});

afterAll(async () => {
  await server?.close();
});

describe("discovery", () => {
  const endpoint = () => `${server.origin}/mcp/${fixture.organization.slug}/${fixture.project.slug}`;

  it("points the 401 of both endpoints at their path-specific protected resource metadata, which names the endpoint and this server", async () => {
    for (const url of [endpoint(), `${endpoint()}/draft`]) {
      const unauthorized = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
        body: "{}",
      });
      expect(unauthorized.status).toBe(401);
      const metadataUrl = url.replace(server.origin, `${server.origin}/.well-known/oauth-protected-resource`);
      expect(unauthorized.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${metadataUrl}", scope="mcp"`);

      const metadata = await fetch(metadataUrl);
      expect(metadata.status).toBe(200);
      expect(metadata.headers.get("access-control-allow-origin")).toBe("*");
      expect(await metadata.json()).toMatchObject({
        resource: url,
        authorization_servers: [server.origin],
        scopes_supported: ["mcp"],
        bearer_methods_supported: ["header"],
      });
    }
  });

  it("serves the authorization server metadata at RFC 8414's path, the OpenID path and the path-suffixed variants, open to any origin", async () => {
    const paths = [
      "/.well-known/oauth-authorization-server",
      "/.well-known/openid-configuration",
      `/.well-known/oauth-authorization-server/mcp/${fixture.organization.slug}/${fixture.project.slug}`,
      `/.well-known/oauth-authorization-server/mcp/${fixture.organization.slug}/${fixture.project.slug}/draft`,
      `/.well-known/openid-configuration/mcp/${fixture.organization.slug}/${fixture.project.slug}`,
    ];
    for (const path of paths) {
      const response = await fetch(`${server.origin}${path}`, { headers: { Origin: "https://inspector.example" } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toEqual({
        issuer: server.origin,
        authorization_endpoint: `${server.origin}/oauth/authorize`,
        token_endpoint: `${server.origin}/oauth/token`,
        registration_endpoint: `${server.origin}/oauth/register`,
        revocation_endpoint: `${server.origin}/oauth/revoke`,
        scopes_supported: ["mcp"],
        response_types_supported: ["code"],
        response_modes_supported: ["query"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        token_endpoint_auth_methods_supported: ["none", "client_secret_post"],
        revocation_endpoint_auth_methods_supported: ["none", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
        client_id_metadata_document_supported: true,
        authorization_response_iss_parameter_supported: true,
        resource_indicators_supported: true,
      });
    }
  });

  it("answers CORS preflights of the discovery documents and the OAuth endpoints", async () => {
    const paths = [
      "/.well-known/oauth-authorization-server",
      "/.well-known/openid-configuration",
      `/.well-known/oauth-protected-resource/mcp/${fixture.organization.slug}/${fixture.project.slug}`,
      "/oauth/token",
      "/oauth/register",
      "/oauth/revoke",
    ];
    for (const path of paths) {
      const response = await fetch(`${server.origin}${path}`, {
        method: "OPTIONS",
        headers: {
          Origin: "http://localhost:6274",
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      });
      expect(response.status, path).toBe(204);
      expect(response.headers.get("access-control-allow-origin"), path).toBe("*");
    }
  });

  it("has no protected resource metadata for a project that does not exist", async () => {
    const response = await fetch(`${server.origin}/.well-known/oauth-protected-resource/mcp/${fixture.organization.slug}/no-such-project`);
    expect(response.status).toBe(404);
  });
});

describe("dynamic client registration", () => {
  it("registers a public client: client_id, no secret, a registration access token and URI that reads it back", async () => {
    const { status, headers, body } = await registerClient(server.origin, {
      client_name: "Claude",
      redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
    });
    expect(status).toBe(201);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({
      client_name: "Claude",
      redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      registration_client_uri: `${server.origin}/oauth/register/${body.client_id}`,
    });
    expect(body.client_id).toMatch(/^atlc_/);
    expect(body).not.toHaveProperty("client_secret");
    expect(body.registration_access_token).toMatch(/^atl_orat_/);

    const stored = await db.oAuthClient.findUniqueOrThrow({ where: { clientId: body.client_id }, omit: { registrationTokenHash: false } });
    expect(stored.kind).toBe("REGISTERED");
    expect(stored.registrationTokenHash).not.toContain(body.registration_access_token);

    const read = await fetch(body.registration_client_uri, { headers: { Authorization: `Bearer ${body.registration_access_token}` } });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      client_id: body.client_id,
      client_name: "Claude",
      redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
    });
  });

  it("refuses to read a registration without its own registration access token", async () => {
    const first = (await registerClient(server.origin)).body;
    const second = (await registerClient(server.origin)).body;
    for (const authorization of [undefined, `Bearer ${second.registration_access_token}`, "Bearer atl_orat_forged"]) {
      const response = await fetch(first.registration_client_uri, { headers: authorization ? { Authorization: authorization } : {} });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toBe("invalid_token");
    }
  });

  it("deletes a registration with its token, after which the client is unknown", async () => {
    const client = (await registerClient(server.origin)).body;
    const deleted = await fetch(client.registration_client_uri, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${client.registration_access_token}` },
    });
    expect(deleted.status).toBe(204);
    expect(await db.oAuthClient.findUnique({ where: { clientId: client.client_id } })).toBeNull();
  });

  it("returns a client secret, once, to a client_secret_post client, and stores only its hash", async () => {
    const { status, body } = await registerClient(server.origin, { token_endpoint_auth_method: "client_secret_post" });
    expect(status).toBe(201);
    expect(body.client_secret).toMatch(/^atl_ocs_/);
    expect(body).toMatchObject({ token_endpoint_auth_method: "client_secret_post", client_secret_expires_at: 0 });
    const stored = await db.oAuthClient.findUniqueOrThrow({ where: { clientId: body.client_id }, omit: { clientSecretHash: false } });
    expect(stored.clientSecretHash).toHaveLength(64);
    expect(stored.clientSecretHash).not.toBe(body.client_secret);
    const read = await fetch(body.registration_client_uri, { headers: { Authorization: `Bearer ${body.registration_access_token}` } });
    expect(await read.json()).not.toHaveProperty("client_secret");
  });

  it.each([
    ["http on a public host", ["http://example.com/callback"]],
    ["a fragment", ["https://example.com/callback#frag"]],
    ["a relative URL", ["/callback"]],
    ["javascript:", ["javascript:alert(1)"]],
    ["no URL at all", []],
  ])("refuses redirect URIs with %s: invalid_redirect_uri", async (_label, redirectUris) => {
    const { status, body } = await registerClient(server.origin, { redirect_uris: redirectUris });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_redirect_uri");
    expect(body.error_description).toBeTruthy();
  });

  it("accepts loopback http and native app schemes as redirect URIs", async () => {
    const redirectUris = ["http://127.0.0.1:33418/callback", "http://localhost/cb", "http://[::1]:8080/cb", "com.example.app:/oauth"];
    const { status, body } = await registerClient(server.origin, { redirect_uris: redirectUris });
    expect(status).toBe(201);
    expect(body.redirect_uris).toEqual(redirectUris);
  });

  it.each([
    ["an empty client_name", { client_name: "" }],
    ["a client_name that is not a string", { client_name: 42 }],
    ["an unsupported grant type", { grant_types: ["client_credentials"] }],
    ["an unsupported auth method", { token_endpoint_auth_method: "private_key_jwt" }],
  ])("refuses %s: invalid_client_metadata", async (_label, metadata) => {
    const { status, body } = await registerClient(server.origin, metadata);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_client_metadata");
  });

  it.each(["offline_access", "mcp offline_access", "admin"])(
    "registers a client asking for scope %s, with the scope it gets: mcp",
    async (scope) => {
      const { status, body } = await registerClient(server.origin, { scope });
      expect(status).toBe(201);
      expect((body as unknown as { scope: string }).scope).toBe("mcp");
    },
  );

  it("refuses a body that is not JSON", async () => {
    const response = await fetch(`${server.origin}/oauth/register`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "redirect_uris=x",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_client_metadata" });
  });

  it("answers at /register exactly like /oauth/register", async () => {
    const { status, body } = await registerClient(server.origin, { client_name: "Alias" }, "/register");
    expect(status).toBe(201);
    expect(body).toMatchObject({ client_name: "Alias", redirect_uris: [CALLBACK] });
    expect(await db.oAuthClient.count({ where: { clientId: body.client_id } })).toBe(1);
  });
});
