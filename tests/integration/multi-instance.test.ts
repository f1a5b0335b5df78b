// Two app instances as separate processes on different ports, sharing PostgreSQL and Redis
// (127.0.0.1), as in a multi-instance deployment: the kill switch hit on one is obeyed by the
// other on its next request, a rate limit is one limit across both, and a revoked token or an
// ended studio session is refused by both.
//
// PostgreSQL only (ATELIER_TEST_DB=postgres, as `npm test` runs it): an embedded PGlite directory
// belongs to a single process, so two instances cannot share one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createComponent } from "@/lib/components/components";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createTool } from "@/lib/tools/tools";
import { asSession, createOrgWithMembers, createTestUser, type OrgFixture } from "./helpers";
import { startInstance, stopInstance, type Instance } from "./instance-process";
import { createProjectWithDraftToken, postJsonRpc } from "./mcp-helpers";
import { publishingApi } from "./publish-helpers";

const onPostgres = Boolean(env().DATABASE_URL);

describe.skipIf(!onPostgres)(
  "two instances sharing PostgreSQL and Redis (PostgreSQL run only: PGlite cannot be shared by two processes)",
  () => {
    let fixture: OrgFixture;
    let a: Instance;
    let b: Instance;

    beforeAll(async () => {
      fixture = await createOrgWithMembers();
      const shared = { REDIS_URL: "redis://127.0.0.1:6379" };
      [a, b] = await Promise.all([startInstance({ env: shared }), startInstance({ env: shared })]);
      expect(a.origin).not.toBe(b.origin);
    });

    afterAll(async () => {
      await Promise.all([a && stopInstance(a), b && stopInstance(b)]);
    });

    /** A published project with a Data Tool, a production token, and the given settings. */
    async function publishedProject(data: { visibility?: "PUBLIC" | "PRIVATE"; credentialCallsPerMinute?: number } = {}) {
      const orgSlug = fixture.organization.slug;
      const created = await createProjectWithDraftToken({ owner: fixture.users.owner, orgSlug });
      await createComponent({ access: created.access, input: { name: "card", html: "<div>card</div>" } });
      await createTool({ access: created.access, input: { name: "add", kind: "data", handler: "async () => ({ sum: 3 })" } });
      const api = publishingApi({ orgSlug, projectSlug: created.project.slug });
      expect((await api.publish(fixture.users.owner, { changelog: "First" })).status).toBe(201);
      const token = (await api.createToken(fixture.users.owner)).body;
      await db.project.update({ where: { id: created.project.id }, data });
      const path = `/mcp/${orgSlug}/${created.project.slug}`;
      const apiPath = `/app/v1/organizations/${orgSlug}/projects/${created.project.slug}`;
      return { ...created, api, productionToken: token, path, apiPath };
    }

    const callTool = (instance: Instance, path: string, token: string | null = null) =>
      postJsonRpc(
        `${instance.origin}${path}`,
        { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "add", arguments: {} } },
        {
          "MCP-Protocol-Version": "2025-11-25",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      );

    it("the kill switch hit on instance A makes the very next anonymous call on instance B fail", async () => {
      const project = await publishedProject({ visibility: "PUBLIC" });
      expect((await callTool(a, project.path)).status).toBe(200);
      expect((await callTool(b, project.path)).status).toBe(200);

      const killed = await fetch(`${a.origin}${project.apiPath}/mcp/disable-public`, {
        method: "POST",
        // As the studio's page sends it: a cookie-authenticated write needs the studio's Origin (CSRF).
        headers: { "Content-Type": "application/json", origin: a.origin, ...(await asSession(fixture.users.admin)) },
        body: "{}",
      });
      expect(killed.status).toBe(200);
      expect(await killed.json()).toMatchObject({ visibility: "private" });

      const onB = await callTool(b, project.path);
      expect(onB.status).toBe(401);
      expect(onB.headers.get("www-authenticate")).toContain("resource_metadata=");
      expect((await callTool(a, project.path)).status).toBe(401);
      // Credentials still work.
      expect((await callTool(b, project.path, project.productionToken.token!)).status).toBe(200);
    });

    it("shares one rate limit between the instances (counters in Redis)", async () => {
      const project = await publishedProject({ credentialCallsPerMinute: 4 });
      const token = project.productionToken.token!;
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await callTool(i % 2 === 0 ? a : b, project.path, token)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    });

    it("refuses a revoked production token on both instances from the next request", async () => {
      const project = await publishedProject();
      const token = project.productionToken.token!;
      expect((await callTool(a, project.path, token)).status).toBe(200);
      expect((await callTool(b, project.path, token)).status).toBe(200);

      const revoked = await fetch(`${a.origin}${project.apiPath}/tokens/${project.productionToken.id}`, {
        method: "DELETE",
        headers: { origin: a.origin, ...(await asSession(fixture.users.owner)) },
      });
      expect(revoked.status).toBe(204);
      expect((await callTool(b, project.path, token)).status).toBe(401);
      expect((await callTool(a, project.path, token)).status).toBe(401);
    });

    it("ends a studio session on both instances when it signs out everywhere on one", async () => {
      const user = await createTestUser();
      const session = await asSession(user);
      const me = (instance: Instance) => fetch(`${instance.origin}/app/v1/me`, { headers: session });
      expect((await me(a)).status).toBe(200);
      expect((await me(b)).status).toBe(200);

      const ended = await fetch(`${a.origin}/app/v1/me/sessions`, { method: "DELETE", headers: { origin: a.origin, ...session } });
      expect(ended.status).toBe(200);
      expect((await me(b)).status).toBe(401);
      expect((await me(a)).status).toBe(401);
    });
  },
);
