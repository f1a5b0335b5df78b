// Client ID Metadata Documents: a client_id that is a URL, whose document Atelier fetches, checks
// and caches. The documents are served by a local server on 127.0.0.1, which the authorization
// server may only reach when told so: the authorize handler here is made with
// `documents: { allowInsecureUrls: true }` (what ATELIER_OAUTH_ALLOW_INSECURE_METADATA_URLS
// would give), and one test makes a second handler without it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createAuthorizeHandler, handleConsentDecision } from "@/lib/oauth/authorize-routes";
import { errorPageView } from "@/lib/oauth/authorization-response";
import { loadConsent } from "@/lib/oauth/consent";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import type { TestHttpServer } from "./mcp-helpers";
import { authorizeAndApprove, authorizeUrl, CALLBACK, navigate, pkcePair, startOAuthServer, tokenRequest } from "./oauth-helpers";

let server: TestHttpServer;
let strictServer: TestHttpServer;
let fixture: OrgFixture;
let documents: Server;
let documentsOrigin: string;
let production: string;
/** Path → what the document server answers, and how often each path was fetched. */
const routes = new Map<string, { status?: number; body?: unknown; location?: string; raw?: string; headers?: Record<string, string> }>();
const fetches = new Map<string, number>();
const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  const insecure = createAuthorizeHandler({ documents: { allowInsecureUrls: true } });
  server = await startOAuthServer({ authorize: { GET: insecure, POST: handleConsentDecision } });
  strictServer = await startOAuthServer({ authorize: { GET: createAuthorizeHandler({ documents: { allowInsecureUrls: false } }) } });
  production = `${server.origin}/mcp/${fixture.organization.slug}/${fixture.project.slug}`;
  documents = createServer((request, response) => {
    const path = request.url ?? "/";
    fetches.set(path, (fetches.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void response.writeHead(404).end();
    if (route.location) return void response.writeHead(302, { Location: route.location }).end();
    response
      .writeHead(route.status ?? 200, { "Content-Type": "application/json", ...route.headers })
      .end(route.raw ?? JSON.stringify(route.body));
  });
  await new Promise<void>((resolve) => documents.listen(0, "127.0.0.1", resolve));
  documentsOrigin = `http://127.0.0.1:${(documents.address() as AddressInfo).port}`;
});

afterEach(() => {
  warnings.mockClear();
});

afterAll(async () => {
  warnings.mockRestore();
  await server?.close();
  await strictServer?.close();
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
  headers?: Record<string, string>,
) {
  const path = `/clients/${++counter}.json`;
  const clientId = `${documentsOrigin}${path}`;
  routes.set(path, { body: document(clientId), headers });
  return { clientId, path };
}

/**
 * Where the authorization request for `clientId` ends: Atelier's error page, whose URL carries the
 * reason and a reference only; the detail is in the server log under that reference.
 */
async function errorReason(clientId: string, origin = server.origin) {
  const { location } = await navigate(
    authorizeUrl(origin, { clientId, resource: production.replace(server.origin, origin) }),
    fixture.users.owner,
  );
  expect(location?.pathname).toBe("/oauth/error");
  expect([...location!.searchParams.keys()].sort()).toEqual(location!.searchParams.has("ref") ? ["reason", "ref"] : ["reason"]);
  const reference = location!.searchParams.get("ref");
  const logged = warnings.mock.calls
    .map((call) => String(call[0]))
    .find((line) => reference !== null && line.includes(`(ref ${reference})`));
  return { reason: location!.searchParams.get("reason"), detail: logged ?? null, reference };
}

const consentPage = async (clientId: string) =>
  (await navigate(authorizeUrl(server.origin, { clientId, resource: production }), fixture.users.owner)).location;

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

  it("uses the cached copy for an hour when the document sends no Cache-Control, then fetches it again", async () => {
    const { clientId, path } = serveDocument();
    const consent = async () => (await consentPage(clientId))?.pathname;
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
    expect(await errorReason(clientId)).toMatchObject({
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
    expect((await errorReason(clientId, strictServer.origin)).detail).toMatch(/must use https/);
    expect((await errorReason("https://127.0.0.1/client.json", strictServer.origin)).detail).toMatch(/not a public address/);
  });
});

describe("the metadata document's Cache-Control", () => {
  const maxAgeOf = async (clientId: string) =>
    (await db.oAuthClient.findUniqueOrThrow({ where: { clientId }, select: { metadataMaxAgeSeconds: true } })).metadataMaxAgeSeconds;

  it("keeps the copy for the document's max-age (less its Age), then fetches it again", async () => {
    const { clientId, path } = serveDocument(undefined, { "Cache-Control": "public, max-age=600", Age: "100" });
    expect((await consentPage(clientId))?.pathname).toBe("/oauth/consent");
    expect(await maxAgeOf(clientId)).toBe(500);
    // Well within an hour, but past the document's 500 s: fetched again.
    await db.oAuthClient.update({ where: { clientId }, data: { fetchedAt: new Date(Date.now() - 501 * 1000) } });
    expect((await consentPage(clientId))?.pathname).toBe("/oauth/consent");
    expect(fetches.get(path)).toBe(2);
    await db.oAuthClient.update({ where: { clientId }, data: { fetchedAt: new Date(Date.now() - 499 * 1000) } });
    expect((await consentPage(clientId))?.pathname).toBe("/oauth/consent");
    expect(fetches.get(path)).toBe(2);
  });

  it("holds max-age within bounds: no-store and tiny values mean a minute, huge ones a day", async () => {
    const cases: Array<[string, number]> = [
      ["no-store", 60],
      ["no-cache, max-age=86400", 60],
      ["max-age=5", 60],
      ["max-age=31536000, immutable", 24 * 60 * 60],
      ["private", 60 * 60],
    ];
    for (const [header, expected] of cases) {
      const { clientId } = serveDocument(undefined, { "Cache-Control": header });
      expect((await consentPage(clientId))?.pathname, header).toBe("/oauth/consent");
      expect(await maxAgeOf(clientId), header).toBe(expected);
    }
  });
});

describe("who a metadata document client is, on the consent page", () => {
  async function consentView(clientName: string) {
    const { clientId } = serveDocument((id) => ({ client_id: id, client_name: clientName, redirect_uris: [CALLBACK] }));
    const location = await consentPage(clientId);
    expect(location?.pathname).toBe("/oauth/consent");
    return loadConsent({ request: location!.searchParams.get("request"), actor: fixture.users.owner, issuer: server.origin });
  }

  it("names the host the document is on", async () => {
    expect(await consentView("Docs Host")).toMatchObject({
      kind: "consent",
      client: { name: "Docs Host", documentHost: new URL(documentsOrigin).host, unverified: false, impersonates: null },
    });
  });

  it.each(["Claude", "ChatGPT", "C1aude Desktop"])("treats %s served from another host as unverified", async (name) => {
    expect(await consentView(name)).toMatchObject({
      kind: "consent",
      client: { name, documentHost: new URL(documentsOrigin).host, unverified: true, impersonates: expect.any(String) },
    });
  });
});

describe("Atelier's error page", () => {
  it("carries no text from the document, only a reference to the server log", async () => {
    const { clientId } = serveDocument(() => ({
      client_id: "https://impostor.example/Call-+1-555-0100-to-verify-your-account",
      client_name: "Impostor",
      redirect_uris: [CALLBACK],
    }));
    const { reason, reference, detail } = await errorReason(clientId);
    expect(reason).toBe("client_metadata");
    expect(reference).toMatch(/^[0-9a-f]{16}$/);
    expect(detail).toMatch(/client_id is not its own URL/);
  });

  it("shows fixed wording whatever its URL says", () => {
    const view = errorPageView({ reason: "client_metadata", detail: "Call +1-555-0100 to verify your account", ref: "Call us now" });
    expect(view).toEqual({ message: expect.stringMatching(/^The app's client metadata document could not be used\./), reference: null });
    expect(JSON.stringify(view)).not.toMatch(/555|Call/);
    expect(errorPageView({ reason: "<b>hi</b>" }).message).toMatch(/not valid/);
    expect(errorPageView({ reason: "server_error", ref: "0123456789abcdef" }).reference).toBe("0123456789abcdef");
  });
});
