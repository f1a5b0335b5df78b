// Every tools/call over the real draft endpoint runs in an isolate no code ran in before (issue 18):
// what one call leaves on its global or on built-in prototypes is not there for the next, whether
// the calls come one after another or at once (the sandbox's worker threads keep isolates ready,
// never reuse one).
import type { Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as draftRoute from "@/app/mcp/[org]/[project]/draft/route";
import { createTool } from "@/lib/tools/tools";
import { createOrgWithMembers } from "./helpers";
import { connectClient, createProjectWithDraftToken, startRouteServer, type TestHttpServer } from "./mcp-helpers";

let server: TestHttpServer;
let client: Client;

beforeAll(async () => {
  const fixture = await createOrgWithMembers();
  const { access, token, project } = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug: fixture.organization.slug });
  await createTool({
    access,
    input: {
      name: "leave_state",
      kind: "data",
      handler: `async () => {
        const seen = { counter: globalThis.counter ?? null, prototype: [].leaked ?? null };
        globalThis.counter = (globalThis.counter ?? 0) + 1;
        Array.prototype.leaked = "from an earlier call";
        return seen;
      }`,
    },
  });
  server = await startRouteServer([{ pattern: /^\/mcp\/(?<org>[^/]+)\/(?<project>[^/]+)\/draft$/, module: draftRoute }]);
  client = await connectClient({
    url: `${server.origin}/mcp/${fixture.organization.slug}/${project.slug}/draft`,
    token,
    era: "modern",
  });
});

afterAll(async () => {
  await client?.close();
  await server?.close();
});

const leaveState = async () => (await client.callTool({ name: "leave_state", arguments: {} })).structuredContent;

describe("a fresh isolate per tools/call", () => {
  it("does not show one call's globals to the next call", async () => {
    for (let index = 0; index < 4; index++) {
      expect(await leaveState()).toEqual({ counter: null, prototype: null });
    }
  });

  it("does not show them to calls running at once either", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, leaveState));
    expect(results).toEqual(Array(8).fill({ counter: null, prototype: null }));
  });
});
