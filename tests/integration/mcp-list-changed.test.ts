// list-changed (issue 13 §5) over real HTTP with the real SDK client (2026-07-28 subscriptions/listen):
// the draft endpoint tells a listening client when a save changes its tools, prompts or resources
// (and only the lists that changed); production does when publish or rollback moves the pointer.
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import * as productionRoute from "@/app/mcp/[org]/[project]/route";
import { db } from "@/lib/db";
import { createPrompt } from "@/lib/prompts/prompts";
import { createResource } from "@/lib/resources/resources";
import { createTool, updateTool } from "@/lib/tools/tools";
import { createOrgWithMembers, type OrgFixture } from "./helpers";
import { connectClient, createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

type Kind = "tools" | "prompts" | "resources";

let fixture: OrgFixture;
let server: TestHttpServer;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  server = await startRouteServer([
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute },
    { pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)$/, module: productionRoute },
  ]);
});

afterAll(async () => {
  await server?.close();
});

/** A listening client and the list-changed notifications it has received, in order. */
async function listener(url: string, token: string | null) {
  const client: Client = await connectClient({ url, token, era: "modern" });
  const received: Kind[] = [];
  const waiters: Array<{ kind: Kind; resolve: () => void }> = [];
  for (const kind of ["tools", "prompts", "resources"] as const) {
    client.setNotificationHandler(`notifications/${kind}/list_changed`, () => {
      received.push(kind);
      for (const waiter of waiters.filter((candidate) => candidate.kind === kind)) waiter.resolve();
    });
  }
  await client.listen({ toolsListChanged: true, promptsListChanged: true, resourcesListChanged: true });
  const next = (kind: Kind) => new Promise<void>((resolve) => waiters.push({ kind, resolve }));
  return { client, received, next };
}

describe("draft endpoint", () => {
  it("declares listChanged and notifies a listening client of each list a save changes", { timeout: 30_000 }, async () => {
    const project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
    await createTool({ access: project.access, input: { name: "first", kind: "data", handler: "async () => ({})" } });
    const url = `${server.origin}/mcp/${fixture.organization.slug}/${project.project.slug}/draft`;
    const { client, received, next } = await listener(url, project.token);
    try {
      expect(client.getServerCapabilities()).toMatchObject({
        tools: { listChanged: true },
        prompts: { listChanged: true },
        resources: { listChanged: true },
      });

      // A handler edit changes no list: nothing is sent for it. The prompt saved after it is the
      // next (and only) notification, which proves the edit produced none (events arrive in order).
      await updateTool({ access: project.access, name: "first", input: { handler: "async () => ({ changed: true })" } });
      const prompts = next("prompts");
      await createPrompt({
        access: project.access,
        input: { name: "hello", messages: [{ role: "user", content: { type: "text", text: "Hi" } }] },
      });
      await prompts;
      expect(received).toEqual(["prompts"]);

      const tools = next("tools");
      await createTool({ access: project.access, input: { name: "second", kind: "data", handler: "async () => ({})" } });
      await tools;
      const resources = next("resources");
      await createResource({ access: project.access, input: { name: "readme", uri: "notes://readme", text: "Hi" } });
      await resources;
      expect(received).toEqual(["prompts", "tools", "resources"]);
    } finally {
      await client.close();
    }
  });
});

describe("production endpoint", () => {
  it("notifies a listening client when a publish or a rollback moves the production pointer", { timeout: 30_000 }, async () => {
    const project = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
    await createTool({ access: project.access, input: { name: "first", kind: "data", handler: "async () => ({})" } });
    const publishing = publishingApi({ orgSlug: fixture.organization.slug, projectSlug: project.project.slug });
    expect((await publishing.publish(fixture.users.owner, { changelog: "First" })).status).toBe(201);
    await db.project.update({ where: { id: project.project.id }, data: { visibility: "PUBLIC" } });
    const url = `${server.origin}/mcp/${fixture.organization.slug}/${project.project.slug}`;
    const { client, received, next } = await listener(url, null);
    try {
      // Draft saves do not reach production listeners; the publish that pins them does.
      await createTool({ access: project.access, input: { name: "second", kind: "data", handler: "async () => ({})" } });
      const published = next("tools");
      expect((await publishing.publish(fixture.users.owner, { changelog: "Second tool" })).status).toBe(201);
      await published;
      expect(received).toEqual(["tools"]);

      const rolledBack = next("tools");
      expect((await publishing.rollback(fixture.users.owner, "1.0.0")).status).toBe(200);
      await rolledBack;
      expect(received).toEqual(["tools", "tools"]);
    } finally {
      await client.close();
    }
  });
});
