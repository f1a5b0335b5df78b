// The studio's own MCP server, /mcp/{org}, with OAuth access tokens from Atelier's authorization
// server: the real SDK v2 client discovers it from the URL alone (401 challenge → protected resource
// metadata → DCR → authorize → consent → token), the member's role decides what each tool allows,
// revocation and membership changes hold on the next request, and a token opens only the endpoint
// it was granted for (a project endpoint's token is refused here, and this one there).
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getOrganizationAccess } from "@/lib/access";
import { db } from "@/lib/db";
import { listGrants } from "@/lib/grants/grants";
import { removeMember } from "@/lib/members/members";
import { unsafeRevokeGrant } from "@/lib/oauth/revoke-grant";
import { addMember, createOrgWithMembers, createTestUser, type OrgFixture, type TestUser } from "./helpers";
import { postJsonRpc, RAW_INITIALIZE, type TestHttpServer } from "./mcp-helpers";
import { attemptWithToken as attempt, authorizeWithSdk, connectWithOAuth, connectWithProvider, startOAuthServer } from "./oauth-helpers";

type ToolResult = { isError?: boolean; content: Array<{ type: string; text: string }> };

let server: TestHttpServer;
let fixture: OrgFixture;
const clients: Client[] = [];

const studioUrl = () => `${server.origin}/mcp/${fixture.organization.slug}`;
const draftUrl = () => `${server.origin}/mcp/${fixture.organization.slug}/${fixture.project.slug}/draft`;

/** The SDK client connected to the studio server as `user`, through OAuth from the URL alone. */
async function connectWithSdk(user: TestUser) {
  const serverUrl = studioUrl();
  const { provider, authorizationUrl } = await authorizeWithSdk(serverUrl, user);
  expect(authorizationUrl.searchParams.get("resource")).toBe(serverUrl);
  const client = await connectWithProvider(serverUrl, provider);
  clients.push(client);
  return { client, provider };
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as ToolResult;
  const text = result.content.map((block) => block.text).join("\n");
  return { isError: result.isError ?? false, text, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startOAuthServer();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server?.close();
});

describe("studio MCP server over OAuth", () => {
  it("challenges with its own protected resource metadata, naming /mcp/{org} as the resource", async () => {
    const response = await postJsonRpc(studioUrl(), RAW_INITIALIZE);
    expect(response.status).toBe(401);
    const metadataUrl = `${server.origin}/.well-known/oauth-protected-resource/mcp/${fixture.organization.slug}`;
    expect(response.headers.get("www-authenticate")).toContain(`resource_metadata="${metadataUrl}"`);
    const metadata = await (await fetch(metadataUrl)).json();
    expect(metadata).toMatchObject({ resource: studioUrl(), authorization_servers: [server.origin] });
    expect((await fetch(`${server.origin}/.well-known/oauth-protected-resource/mcp/no-such-org`)).status).toBe(404);
  });

  it("connects with the SDK client's OAuth; an Editor lists the tools, creates a tool and is refused publish", async () => {
    const { client } = await connectWithSdk(fixture.users.editor);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(["list_projects", "create_tool", "run_tool", "publish", "rollback"]));

    const project = fixture.project.slug;
    const created = await call(client, "create_tool", {
      project,
      name: "greet",
      kind: "data",
      description: "Greets someone by name",
      inputSchema: { type: "object", properties: { who: { type: "string", description: "Name" } }, required: ["who"] },
      handler: "async ({ who }) => ({ greeting: 'Hello, ' + who + '!' })",
    });
    expect(created.isError).toBe(false);
    expect(await db.tool.count({ where: { projectId: fixture.project.id, name: "greet" } })).toBe(1);

    const refused = await call(client, "publish", { project, changelog: "First" });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^forbidden:/);
    expect(await db.package.count({ where: { projectId: fixture.project.id } })).toBe(0);

    // Authorized apps lists the grant, as the studio endpoint.
    const access = await getOrganizationAccess({
      actor: fixture.users.editor,
      orgSlug: fixture.organization.slug,
      permission: "organization.view",
    });
    const grants = await listGrants({ access, page: { limit: 50 } });
    expect(grants.data).toContainEqual(
      expect.objectContaining({
        project: null,
        endpoint: { environment: "studio", url: studioUrl() },
        client: expect.objectContaining({ name: "SDK Host" }),
      }),
    );
  });

  it("refuses a revoked grant's token on the next request", async () => {
    const { tokens } = await connectWithOAuth(server.origin, fixture.users.admin, studioUrl());
    expect((await attempt(studioUrl(), tokens.access_token)).status).toBe(200);
    const grant = await db.oAuthGrant.findFirstOrThrow({
      where: { userId: fixture.users.admin.id, resource: studioUrl(), revokedAt: null },
      orderBy: { createdAt: "desc" },
    });
    expect(grant).toMatchObject({ projectId: null, environment: null, organizationId: fixture.organization.id });
    await unsafeRevokeGrant({ grantId: grant.id, reason: "user" });
    const refused = await attempt(studioUrl(), tokens.access_token);
    expect(refused.status).toBe(401);
    expect(refused.challenge).toContain('error="invalid_token"');
  });

  it("refuses a member removed from the organization on the next request", async () => {
    const member = await createTestUser({ name: "Temporary" });
    await addMember({ orgSlug: fixture.organization.slug, inviter: fixture.users.owner, user: member, role: "EDITOR" });
    const { tokens } = await connectWithOAuth(server.origin, member, studioUrl());
    expect((await attempt(studioUrl(), tokens.access_token)).status).toBe(200);
    const access = await getOrganizationAccess({
      actor: fixture.users.owner,
      orgSlug: fixture.organization.slug,
      permission: "organization.members",
    });
    await removeMember({ access, actor: fixture.users.owner, userId: member.id });
    expect((await attempt(studioUrl(), tokens.access_token)).status).toBe(401);
  });

  it("refuses a project endpoint's token on /mcp/{org}, and a studio token on a project endpoint", async () => {
    const project = await connectWithOAuth(server.origin, fixture.users.editor, draftUrl());
    expect((await attempt(draftUrl(), project.tokens.access_token)).status).toBe(200);
    expect((await attempt(studioUrl(), project.tokens.access_token)).status).toBe(401);

    const studio = await connectWithOAuth(server.origin, fixture.users.editor, studioUrl());
    expect((await attempt(studioUrl(), studio.tokens.access_token)).status).toBe(200);
    expect((await attempt(draftUrl(), studio.tokens.access_token)).status).toBe(401);
  });
});
