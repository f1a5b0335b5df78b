// Per-environment secrets (issue 16 §5): a draft value and a production value, write-only; the
// handler reads the one for the endpoint it runs on (real SDK client over HTTP on both endpoints);
// a production call whose secret has no production value fails with a clear error, and the
// publish preview warns about it first.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as secretRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/secrets/[key]/route";
import * as secretsRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tools/[tool]/secrets/route";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { db } from "@/lib/db";
import { createTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, type OrgFixture } from "./helpers";
import { connectClient, createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

let fixture: OrgFixture;
let server: TestHttpServer;
let orgSlug: string;
let projectSlug: string;
let draftToken: string;

type SecretList = { data: Array<{ key: string; environments: { draft: boolean; production: boolean; draftOwnValue: boolean } }> };

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  orgSlug = fixture.organization.slug;
  const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
  projectSlug = created.project.slug;
  draftToken = created.token;
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
  // The handler says which key it got (never the key itself, which would be redacted).
  await createTool({
    access: created.access,
    input: {
      name: "which_key",
      kind: "data",
      handler:
        "async (_, env) => ({ key: env.secrets.API_KEY === 'sk-test-draft-123' ? 'draft' : env.secrets.API_KEY === 'sk-live-prod-456' ? 'production' : 'none' })",
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const params = (key?: string) => ({ org: orgSlug, project: projectSlug, tool: "which_key", ...(key ? { key } : {}) });

async function setSecret(key: string, body: unknown) {
  return call<{ key: string; environment: string }>(secretRoute.PUT, {
    method: "PUT",
    path: "/",
    headers: await asSession(fixture.users.editor),
    params: params(key),
    body,
  });
}

async function listSecrets() {
  return (await call<SecretList>(secretsRoute.GET, { path: "/", headers: await asSession(fixture.users.viewer), params: params() })).body
    .data;
}

async function callOn(environment: "draft" | "production", token: string) {
  const url = `${server.origin}/mcp/${orgSlug}/${projectSlug}${environment === "draft" ? "/draft" : ""}`;
  const client: Client = await connectClient({ url, token, era: "legacy" });
  try {
    return await client.callTool({ name: "which_key", arguments: {} });
  } finally {
    await client.close();
  }
}

describe("per-environment secrets", () => {
  let productionToken: string;

  it("a draft-only value: the studio shows it, the preview warns, production calls fail clearly", async () => {
    expect((await setSecret("API_KEY", { value: "sk-test-draft-123", environment: "draft" })).body).toEqual({
      key: "API_KEY",
      environment: "draft",
    });
    expect(await listSecrets()).toEqual([
      { key: "API_KEY", updatedAt: expect.any(String), environments: { draft: true, production: false, draftOwnValue: true } },
    ]);
    const stored = await db.toolSecret.findFirstOrThrow({
      where: { key: "API_KEY", tool: { name: "which_key", project: { slug: projectSlug } } },
      omit: { ciphertext: false, draftCiphertext: false },
    });
    expect(stored.ciphertext).toBeNull();
    expect(stored.draftCiphertext).toMatch(/^v1\./);
    expect(stored.draftCiphertext).not.toContain("sk-test");

    const api = publishingApi({ orgSlug, projectSlug });
    const preview = await api.preview(fixture.users.owner);
    expect(preview.body.secretsMissingInProduction).toEqual([{ tool: "which_key", key: "API_KEY" }]);
    expect((await api.publish(fixture.users.owner)).status).toBe(201);
    const created = await api.createToken(fixture.users.owner);
    productionToken = created.body.token as string;

    expect((await callOn("draft", draftToken)).structuredContent).toEqual({ key: "draft" });
    const refused = await callOn("production", productionToken);
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toEqual({
      error: {
        code: "secret_missing",
        message: 'The secret API_KEY of "which_key" has no production value. Set one in the studio (the tool\'s Secrets tab).',
      },
    });
  });

  it("each endpoint reads its own value once both are set; values are never returned", async () => {
    const set = await setSecret("API_KEY", { value: "sk-live-prod-456", environment: "production" });
    expect(JSON.stringify(set.body)).not.toContain("sk-live");
    expect((await listSecrets())[0].environments).toEqual({ draft: true, production: true, draftOwnValue: true });
    expect((await callOn("draft", draftToken)).structuredContent).toEqual({ key: "draft" });
    expect((await callOn("production", productionToken)).structuredContent).toEqual({ key: "production" });
    expect((await publishingApi({ orgSlug, projectSlug }).preview(fixture.users.owner)).body).not.toHaveProperty(
      "secretsMissingInProduction",
    );
  });

  it("dropping the draft value makes the draft use the production one; 'both' replaces both", async () => {
    const removed = await call(secretRoute.DELETE, {
      method: "DELETE",
      path: "/?environment=draft",
      headers: await asSession(fixture.users.editor),
      params: params("API_KEY"),
    });
    expect(removed.status).toBe(204);
    expect((await listSecrets())[0].environments).toEqual({ draft: true, production: true, draftOwnValue: false });
    expect((await callOn("draft", draftToken)).structuredContent).toEqual({ key: "production" });

    await setSecret("API_KEY", { value: "sk-test-draft-123" });
    expect((await callOn("production", productionToken)).structuredContent).toEqual({ key: "draft" });
    expect((await setSecret("API_KEY", { value: "x", environment: "staging" })).status).toBe(422);
  });
});
