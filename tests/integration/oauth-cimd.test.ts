// Client ID Metadata Documents: a client_id that is a URL, whose document Atelier fetches, checks
// and caches. The documents are served by a local server on 127.0.0.1, which the authorization
// server may only reach with ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS (set here on the parsed
// configuration, the way lib/env.ts would have read it from the environment).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import type { TestHttpServer } from "./mcp-helpers";
import { authorizeAndApprove, authorizeUrl, CALLBACK, navigate, pkcePair, startOAuthServer, tokenRequest } from "./oauth-helpers";

let server: TestHttpServer;
let fixture: OrgFixture;
let documents: Server;
let documentsOrigin: string;
let production: string;
/** Path → what the document server answers, and how often each path was fetched. */
const routes = new Map<string, { status?: number; body?: unknown; location?: string; raw?: string }>();
const fetches = new Map<string, number>();

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
  production = `${server.origin}/mcp/${fixture.organization.slug}/${fixture.project.slug}`;
  documents = createServer((request, response) => {
    const path = request.url ?? "/";
    fetches.set(path, (fetches.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void response.writeHead(404).end();
    if (route.location) return void response.writeHead(302, { Location: route.location }).end();
    response.writeHead(route.status ?? 200, { "Content-Type": "application/json" }).end(route.raw ?? JSON.stringify(route.body));
  });
  await new Promise<void>((resolve) => documents.listen(0, "127.0.0.1", resolve));
  documentsOrigin = `http://127.0.0.1:${(documents.address() as AddressInfo).port}`;
  env().ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS = true;
});

afterAll(async () => {
  env().ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS = false;
  await server?.close();
  documents?.close();
});

let counter = 0;
/** Serves a document at a fresh path; `document` receives the client_id (the document's own URL). */
function serveDocument(
  document: (clientId: string) => Record<string, unknown> = (clientId) => ({
    client_id: clientId,
    client_name: "Docs Host",
    redirect_uris: [CALLBACK],
  }),
) {
  const path = `/clients/${++counter}.json`;
  const clientId = `${documentsOrigin}${path}`;
  routes.set(path, { body: document(clientId) });
  return { clientId, path };
}

async function errorReason(clientId: string) {
  const { location } = await navigate(authorizeUrl(server.origin, { clientId, resource: production }), fixture.users.owner);
  expect(location?.pathname).toBe("/oauth/error");
  return { reason: location!.searchParams.get("reason"), detail: location!.searchParams.get("detail") };
}

describe("client ID metadata documents", () => {
  it("fetches the document, shows the consent page, and completes the flow for the URL client_id", async () => {
    const { clientId } = serveDocument();
    const pkce = pkcePair();
    const redirect = await authorizeAndApprove(server.origin, fixture.users.owner, { clientId, resource: production, pkce });
    const tokens = await tokenRequest(server.origin, {
      grant_type: "authorization_code",
      client_id: clientId,
      code: redirect.searchParams.get("code")!,
      redirect_uri: CALLBACK,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
    const stored = await db.oAuthClient.findUniqueOrThrow({ where: { clientId } });
    expect(stored).toMatchObject({
      kind: "METADATA_DOCUMENT",
      name: "Docs Host",
      redirectUris: [CALLBACK],
      tokenEndpointAuthMethod: "none",
    });
    expect(stored.fetchedAt).not.toBeNull();
  });

  it("uses the cached copy for an hour, then fetches the document again", async () => {
    const { clientId, path } = serveDocument();
    const consent = async () =>
      (await navigate(authorizeUrl(server.origin, { clientId, resource: production }), fixture.users.owner)).location?.pathname;
    expect(await consent()).toBe("/oauth/consent");
    expect(await consent()).toBe("/oauth/consent");
    expect(fetches.get(path)).toBe(1);

    routes.set(path, { body: { client_id: clientId, client_name: "Renamed Host", redirect_uris: [CALLBACK] } });
    await db.oAuthClient.update({ where: { clientId }, data: { fetchedAt: new Date(Date.now() - 61 * 60 * 1000) } });
    expect(await consent()).toBe("/oauth/consent");
    expect(fetches.get(path)).toBe(2);
    expect((await db.oAuthClient.findUniqueOrThrow({ where: { clientId } })).name).toBe("Renamed Host");
  });

  it("refuses a document whose client_id is not its own URL", async () => {
    const { clientId } = serveDocument(() => ({
      client_id: "https://impostor.example/client.json",
      client_name: "Impostor",
      redirect_uris: [CALLBACK],
    }));
    expect(await errorReason(clientId)).toEqual({
      reason: "client_metadata",
      detail: expect.stringMatching(/client_id is not its own URL/),
    });
  });

  it("refuses a document without redirect URIs, and a redirect URI the document does not list", async () => {
    const { clientId: noRedirects } = serveDocument((clientId) => ({ client_id: clientId, client_name: "No redirects" }));
    expect((await errorReason(noRedirects)).reason).toBe("client_metadata");
    const { clientId } = serveDocument((id) => ({
      client_id: id,
      client_name: "Elsewhere",
      redirect_uris: ["https://elsewhere.example/cb"],
    }));
    expect((await errorReason(clientId)).reason).toBe("invalid_redirect_uri");
  });

  it("refuses a document that is missing, not JSON, too large, or behind a redirect to another host", async () => {
    expect((await errorReason(`${documentsOrigin}/clients/missing.json`)).detail).toMatch(/HTTP 404/);
    routes.set("/clients/not-json.json", { raw: "<html>" });
    expect((await errorReason(`${documentsOrigin}/clients/not-json.json`)).detail).toMatch(/not valid JSON/);
    routes.set("/clients/huge.json", { raw: JSON.stringify({ padding: "x".repeat(70 * 1024) }) });
    expect((await errorReason(`${documentsOrigin}/clients/huge.json`)).detail).toMatch(/too large/);
    routes.set("/clients/moved.json", { location: "http://localhost:1/elsewhere.json" });
    expect((await errorReason(`${documentsOrigin}/clients/moved.json`)).detail).toMatch(/redirects to another host/);
  });

  it("refuses a document that carries a client secret", async () => {
    const { clientId } = serveDocument((id) => ({
      client_id: id,
      client_name: "Leaky",
      redirect_uris: [CALLBACK],
      client_secret: "s3cret",
    }));
    expect((await errorReason(clientId)).detail).toMatch(/client secret/);
  });

  it("refuses plain-http and private-address documents without the override", async () => {
    const { clientId } = serveDocument();
    env().ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS = false;
    try {
      expect((await errorReason(clientId)).detail).toMatch(/must use https/);
      expect((await errorReason("https://127.0.0.1/client.json")).detail).toMatch(/not a public address/);
    } finally {
      env().ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS = true;
    }
  });
});
