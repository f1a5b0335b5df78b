// The organization audit log through its real route: who may read it, filters, cursor
// pagination, and exports that parse back (a real RFC 4180 parser, JSON Lines) to exactly the
// events of the JSON list.
import { beforeAll, describe, expect, it } from "vitest";
import * as auditLogRoute from "@/app/app/v1/organizations/[org]/audit-log/route";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import * as projectsRoute from "@/app/app/v1/organizations/[org]/projects/route";
import { getOrganizationAccess } from "@/lib/access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AUDIT_CSV_COLUMNS } from "@/lib/audit/export-audit-events";
import { EXPORT_BATCH_SIZE, listAuditFilterOptions } from "@/lib/audit/list-audit-events";
import { db } from "@/lib/db";
import type { AuditEvent, Page } from "@/lib/hooks/api-types";
import {
  apiToken,
  asSession,
  call,
  createOrgWithMembers,
  createTestOrganization,
  createTestUser,
  type OrgFixture,
  type TestUser,
} from "./helpers";
import { publishingApi } from "./publish-helpers";

type Who = keyof OrgFixture["users"];
type ErrorBody = { error: { code: string; message: string } };
type Headers = Record<string, string>;

const CLIENT = { "x-forwarded-for": "198.51.100.23", "user-agent": "AuditTest/2.0 (+https://example.test)" };

/** The raw response of GET …/audit-log?{query}: exports are not JSON. */
async function fetchAuditLog(org: string, query: string, headers: Headers): Promise<Response> {
  const request = new Request(`http://localhost:3000/app/v1/organizations/${org}/audit-log${query ? `?${query}` : ""}`, { headers });
  return auditLogRoute.GET(request, { params: Promise.resolve({ org }) });
}

async function listPage(org: string, query: string, headers: Headers) {
  const response = await fetchAuditLog(org, query, headers);
  return { status: response.status, body: (await response.json()) as Page<AuditEvent> & ErrorBody };
}

/** Every event the JSON list returns for the filters, walking the cursor. */
async function listAll(org: string, filters: Record<string, string>, headers: Headers, limit = 100) {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...filters, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const page = await listPage(org, query.toString(), headers);
    expect(page.status).toBe(200);
    events.push(...page.body.data);
    cursor = page.body.nextCursor;
  } while (cursor);
  return events;
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index++;
    } else field += char;
  }
  if (field !== "" || record.length > 0) throw new Error("CSV does not end with CRLF");
  return records;
}

const NULLABLE = new Set(["actorUserId", "actorTokenId", "targetId", "oldValue", "newValue", "ip", "userAgent"]);

/** CSV records back to events: an empty nullable cell is null, old/new values are JSON text. */
function csvToEvents(text: string): AuditEvent[] {
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
  return rows.map((row) => {
    expect(row).toHaveLength(header.length);
    const entries = header.map((column, index) => {
      const cell = row[index];
      if (NULLABLE.has(column) && cell === "") return [column, null];
      return [column, column === "oldValue" || column === "newValue" ? JSON.parse(cell) : cell];
    });
    return Object.fromEntries(entries) as AuditEvent;
  });
}

const jsonlToEvents = (text: string): AuditEvent[] =>
  text
    .split("\n")
    .filter((line, index, lines) => line !== "" || index !== lines.length - 1)
    .map((line) => JSON.parse(line) as AuditEvent);

let fixture: OrgFixture;
let ownerSession: Headers;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  ownerSession = await asSession(fixture.users.owner);
});

describe("who may read the audit log", () => {
  it.each<[Who, number]>([
    ["owner", 200],
    ["admin", 200],
    ["projectOwner", 403],
    ["editor", 403],
    ["viewer", 403],
  ])("%s gets %i, for the list and for both exports", async (who, status) => {
    const headers = await asSession(fixture.users[who]);
    for (const query of ["", "format=csv", "format=jsonl"]) {
      const response = await fetchAuditLog(fixture.organization.slug, query, headers);
      expect(response.status).toBe(status);
      if (status === 403) expect(await response.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
    }
  });

  it("is a 404 for another organization's member (session or API token) and a 401 without credentials", async () => {
    const outsider = await createTestUser({ name: "Outsider" });
    await createTestOrganization(outsider);
    const org = fixture.organization.slug;
    expect((await fetchAuditLog(org, "format=csv", await asSession(outsider))).status).toBe(404);
    expect((await fetchAuditLog(org, "", { authorization: `Bearer ${await apiToken(outsider)}` })).status).toBe(404);
    expect((await fetchAuditLog(org, "", {})).status).toBe(401);
  });
});

describe("what it lists", () => {
  it("shows real changes newest first, with actor, target, old → new, IP and user agent, for sessions and API tokens alike", async () => {
    const { organization, project, users } = fixture;
    const params = { org: organization.slug, project: project.slug };
    const path = `/app/v1/organizations/${organization.slug}/projects/${project.slug}`;
    const token = await apiToken(users.admin, "automation");
    await call(projectRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      body: { visibility: "public" },
      headers: { ...(await asSession(users.owner)), ...CLIENT },
    });
    await call(projectRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      body: { visibility: "private" },
      headers: { authorization: `Bearer ${token}`, ...CLIENT },
    });

    const [latest, previous] = (await listPage(organization.slug, "action=project.visibility&limit=2", ownerSession)).body.data;
    const tokenRow = await db.apiToken.findFirstOrThrow({ where: { userId: users.admin.id, name: "automation" } });
    expect(latest).toEqual({
      id: expect.any(String),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      action: "project.visibility",
      actorUserId: users.admin.id,
      actorTokenId: tokenRow.id,
      actorLabel: `${users.admin.email} (API token)`,
      targetType: "project",
      targetId: project.id,
      targetLabel: project.slug,
      oldValue: { visibility: "public" },
      newValue: { visibility: "private" },
      ip: "198.51.100.23",
      userAgent: CLIENT["user-agent"],
    });
    expect(previous).toMatchObject({
      actorUserId: users.owner.id,
      actorTokenId: null,
      actorLabel: users.owner.email,
      newValue: { visibility: "public" },
    });
  });

  it("never shows another organization's events", async () => {
    const other = await createOrgWithMembers();
    const ours = await listAll(fixture.organization.slug, {}, ownerSession);
    const theirs = await listAll(other.organization.slug, {}, await asSession(other.users.owner));
    expect(ours.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    const theirIds = new Set(theirs.map((event) => event.id));
    expect(ours.some((event) => theirIds.has(event.id))).toBe(false);
    // A cursor is only a position: another organization's event id still lists only our events.
    const crossCursor = await listAll(fixture.organization.slug, { cursor: theirs[0].id }, ownerSession);
    expect(crossCursor.every((event) => !theirIds.has(event.id))).toBe(true);
  });
});

describe("filters", () => {
  let org: string;
  let project: { id: string; slug: string };
  let otherProjectSlug: string;
  let users: OrgFixture["users"];
  let adminTokenId: string;

  beforeAll(async () => {
    const seeded = await createOrgWithMembers();
    ({ users, project } = seeded);
    org = seeded.organization.slug;
    const params = { org, project: project.slug };
    const path = `/app/v1/organizations/${org}/projects/${project.slug}`;
    const token = await apiToken(users.admin, "ci");
    adminTokenId = (await db.apiToken.findFirstOrThrow({ where: { userId: users.admin.id, name: "ci" } })).id;
    await call(projectRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      body: { visibility: "public" },
      headers: await asSession(users.admin),
    });
    await call(projectRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      body: { visibility: "private" },
      headers: { authorization: `Bearer ${token}` },
    });
    await call(projectRoute.PATCH, {
      method: "PATCH",
      path,
      params,
      body: { rateLimits: { anonymousBurst: 20 } },
      headers: await asSession(users.projectOwner),
    });
    const publishing = publishingApi({ orgSlug: org, projectSlug: project.slug });
    await publishing.createToken(users.owner, "Claude Desktop");

    // A second project whose events must not leak into the first one's filter.
    const other = await call<{ slug: string }>(projectsRoute.POST, {
      method: "POST",
      path: `/app/v1/organizations/${org}/projects`,
      params: { org },
      body: { slug: `${project.slug}-x`, name: "Other" },
      headers: await asSession(users.owner),
    });
    otherProjectSlug = other.body.slug;
    await publishingApi({ orgSlug: org, projectSlug: otherProjectSlug }).createToken(users.owner, "Other token");

    // An OAuth grant event (written by the authorization server) names the grant, not the project.
    const client = await db.oAuthClient.create({
      data: { clientId: `audit-${project.id}`, kind: "REGISTERED", name: "Host", redirectUris: ["https://example.test/cb"] },
    });
    const grant = await db.oAuthGrant.create({
      data: {
        organizationId: seeded.organization.id,
        projectId: project.id,
        environment: "PRODUCTION",
        userId: users.viewer.id,
        clientId: client.id,
        resource: "http://example.test/mcp",
        scopes: [],
      },
    });
    await db.$transaction((tx) =>
      recordAuditEvent(tx, {
        organizationId: seeded.organization.id,
        actor: users.viewer,
        action: "grant.create",
        target: { type: "oauth_grant", id: grant.id, label: "Host" },
      }),
    );
  });

  const session = (user: TestUser) => asSession(user);

  it("by action", async () => {
    const events = await listAll(org, { action: "project.visibility" }, await session(users.owner));
    expect(events.map((event) => event.newValue)).toEqual([{ visibility: "private" }, { visibility: "public" }]);
  });

  it("by actor: a user id matches everything they did (studio and API tokens), a token id only that token", async () => {
    const byUser = await listAll(org, { actor: users.admin.id, action: "project.visibility" }, await session(users.owner));
    expect(byUser.map((event) => event.actorTokenId)).toEqual([adminTokenId, null]);
    const byToken = await listAll(org, { actor: adminTokenId }, await session(users.owner));
    expect(byToken.map((event) => [event.action, event.newValue])).toEqual([["project.visibility", { visibility: "private" }]]);
    expect(await listAll(org, { actor: "nobody" }, await session(users.owner))).toEqual([]);
  });

  it("by project: the project itself and what is inside it (tokens by label, grants by id), not its neighbour", async () => {
    const events = await listAll(org, { project: project.slug }, await session(users.owner));
    const actions = events.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "project.create",
        "project.owners_change",
        "project.visibility",
        "project.rate_limits",
        "production_token.create",
        "grant.create",
      ]),
    );
    expect(events.some((event) => event.targetLabel.startsWith(otherProjectSlug))).toBe(false);
    const neighbour = await listAll(org, { project: otherProjectSlug }, await session(users.owner));
    expect(neighbour.map((event) => event.action).sort()).toEqual(["production_token.create", "project.create"]);
    expect(await listAll(org, { project: "no-such-project" }, await session(users.owner))).toEqual([]);
  });

  it("by time range (inclusive bounds), combined with the other filters", async () => {
    const all = await listAll(org, { project: project.slug }, await session(users.owner));
    const middle = all[Math.floor(all.length / 2)];
    const from = middle.createdAt;
    const upToMiddle = await listAll(org, { project: project.slug, to: from }, await session(users.owner));
    const fromMiddle = await listAll(org, { project: project.slug, from }, await session(users.owner));
    expect(upToMiddle.every((event) => event.createdAt <= from)).toBe(true);
    expect(fromMiddle.every((event) => event.createdAt >= from)).toBe(true);
    expect(new Set([...upToMiddle, ...fromMiddle].map((event) => event.id)).size).toBe(all.length);
    expect(await listAll(org, { project: project.slug, from, to: from }, await session(users.owner))).toEqual(
      all.filter((event) => event.createdAt === from),
    );
    expect(await listAll(org, { from: "2999-01-01" }, await session(users.owner))).toEqual([]);
  });

  it("exports select exactly the events the list selects, for every filter", async () => {
    const headers = await session(users.owner);
    const all = await listAll(org, { project: project.slug }, headers);
    const middle = all[Math.floor(all.length / 2)].createdAt;
    const cases: Array<Record<string, string>> = [
      { actor: users.admin.id },
      { actor: adminTokenId },
      { project: project.slug },
      { project: otherProjectSlug },
      { project: project.slug, from: middle },
      { project: project.slug, to: middle },
      { action: "project.visibility", actor: users.admin.id },
    ];
    for (const filters of cases) {
      const listed = await listAll(org, filters, headers);
      expect(listed.length, JSON.stringify(filters)).toBeGreaterThan(0);
      const query = (format: string) => new URLSearchParams({ ...filters, format }).toString();
      const jsonl = await (await fetchAuditLog(org, query("jsonl"), headers)).text();
      expect(jsonlToEvents(jsonl), JSON.stringify(filters)).toEqual(listed);
      // Byte for byte what the API lists, fields in the same order.
      expect(jsonl).toBe(listed.map((event) => `${JSON.stringify(event)}\n`).join(""));
      expect(csvToEvents(await (await fetchAuditLog(org, query("csv"), headers)).text()), JSON.stringify(filters)).toEqual(listed);
    }
  });

  it("refuses filters it cannot read with 422 naming the parameter", async () => {
    const headers = await session(users.owner);
    const cases: Array<[string, RegExp]> = [
      ["from=yesterday", /^from: /],
      ["from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", /^from: must not be after to/],
      ["format=xml", /^format: /],
      ["limit=1000", /^limit: /],
      ["project=Not%20A%20Slug", /^project: /],
    ];
    for (const [query, message] of cases) {
      const response = await listPage(org, query, headers);
      expect(response.status, query).toBe(422);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it("offers the actors and actions that appear in the log for the filter selects", async () => {
    const access = await getOrganizationAccess({ actor: users.owner, orgSlug: org, permission: "organization.audit" });
    const options = await listAuditFilterOptions({ access });
    // The admin acted with a session and with a token: listed once, by the studio label.
    expect(options.actors.filter((actor) => actor.id === users.admin.id)).toEqual([{ id: users.admin.id, label: users.admin.email }]);
    expect(options.actions).toEqual([...options.actions].sort());
    expect(options.actions).toEqual(expect.arrayContaining(["grant.create", "project.visibility", "project.rate_limits"]));
  });
});

describe("pagination and exports", () => {
  let org: string;
  let headers: Headers;

  /** Events with awkward contents, seeded directly so that times (including ties) are exact. */
  async function seedEvents(organizationId: string, actor: TestUser) {
    const base = Date.parse("2026-03-01T12:00:00.000Z");
    const tricky = [
      {
        action: "secret.update",
        targetType: "secret",
        targetLabel: "demo/tool,with,commas/API_KEY",
        actorLabel: '=HYPERLINK("http://example.test")',
        oldValue: { note: 'He said "hi", then left\nbye', list: [1, "a,b", null, true], unicode: "é 🙂" },
        userAgent: 'Mozilla/5.0 (X11; "quoted", comma)\r\nsecond line',
        ip: "2001:db8::1",
      },
      {
        action: "member.role_change",
        targetType: "member",
        targetLabel: "someone@example.test",
        oldValue: { role: "VIEWER" },
        newValue: { role: "EDITOR" },
      },
      {
        action: "package.publish",
        targetType: "project",
        targetLabel: "demo",
        newValue: { version: "1.0.0", digest: "sha256:abc" },
        ip: "203.0.113.1",
      },
    ];
    await db.auditEvent.createMany({
      data: Array.from({ length: 9 }, (_, index) => ({
        organizationId,
        actorUserId: actor.id,
        actorLabel: actor.email,
        targetId: null,
        // Three pairs share a timestamp: the id breaks the tie, so pages never skip or repeat.
        createdAt: new Date(base + Math.floor(index / 2) * 1000),
        ...tricky[index % tricky.length],
      })),
    });
  }

  beforeAll(async () => {
    const owner = await createTestUser({ name: "Exporter" });
    const organization = await createTestOrganization(owner);
    org = organization.slug;
    headers = await asSession(owner);
    await seedEvents(organization.id, owner);
  });

  it("walks every event once, newest first, whatever the page size", async () => {
    const single = await listAll(org, {}, headers, 100);
    expect(single).toHaveLength(10); // nine seeded + organization.create
    const sorted = [...single].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
    expect(single).toEqual(sorted);
    for (const limit of [1, 3, 4]) expect(await listAll(org, {}, headers, limit)).toEqual(single);
    const firstPage = await listPage(org, "limit=3", headers);
    expect(firstPage.body.nextCursor).toBe(firstPage.body.data[2].id);
  });

  it("CSV parses back, with a real RFC 4180 parser, to exactly the events of the JSON list", async () => {
    const response = await fetchAuditLog(org, "format=csv", headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="audit-log-${org}-\\d{8}T\\d{6}Z\\.csv"$`),
    );
    const text = await response.text();
    // A cell with quotes, commas and a line break is quoted, its quotes doubled.
    expect(text).toContain('"Mozilla/5.0 (X11; ""quoted"", comma)\r\nsecond line"');
    expect(csvToEvents(text)).toEqual(await listAll(org, {}, headers));
  });

  it("JSON Lines has one event per line, the same as the JSON list", async () => {
    const response = await fetchAuditLog(org, "format=jsonl", headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-.+\.jsonl"$/);
    const text = await response.text();
    expect(text.endsWith("\n")).toBe(true);
    expect(jsonlToEvents(text)).toEqual(await listAll(org, {}, headers));
  });

  it("exports honour the filters", async () => {
    const filters = { action: "secret.update", from: "2026-03-01T12:00:01Z", to: "2026-03-01T12:00:03Z" };
    const listed = await listAll(org, filters, headers);
    expect(listed.length).toBeGreaterThan(0);
    const query = (format: string) => new URLSearchParams({ ...filters, format }).toString();
    expect(csvToEvents(await (await fetchAuditLog(org, query("csv"), headers)).text())).toEqual(listed);
    expect(jsonlToEvents(await (await fetchAuditLog(org, query("jsonl"), headers)).text())).toEqual(listed);
  });

  it(`streams a log larger than one batch (${EXPORT_BATCH_SIZE} events) completely and in order`, async () => {
    const owner = await createTestUser({ name: "Big log" });
    const organization = await createTestOrganization(owner);
    const base = Date.parse("2025-01-01T00:00:00.000Z");
    const count = EXPORT_BATCH_SIZE * 2 + 37;
    await db.auditEvent.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        organizationId: organization.id,
        actorUserId: owner.id,
        actorLabel: owner.email,
        action: "project.rename",
        targetType: "project",
        targetLabel: `p-${index}`,
        createdAt: new Date(base + index * 1000),
      })),
    });
    const bigHeaders = await asSession(owner);
    const lines = jsonlToEvents(await (await fetchAuditLog(organization.slug, "format=jsonl&action=project.rename", bigHeaders)).text());
    expect(lines).toHaveLength(count);
    expect(lines.map((event) => event.targetLabel)).toEqual(Array.from({ length: count }, (_, index) => `p-${count - 1 - index}`));
    const rows = csvToEvents(await (await fetchAuditLog(organization.slug, "format=csv&action=project.rename", bigHeaders)).text());
    expect(rows).toEqual(lines);
  });

  it("writes each batch of events as one chunk of the body, not one chunk per event", async () => {
    const owner = await createTestUser({ name: "Chunked log" });
    const organization = await createTestOrganization(owner);
    const count = EXPORT_BATCH_SIZE + 1;
    await db.auditEvent.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        organizationId: organization.id,
        actorLabel: owner.email,
        action: "project.rename",
        targetType: "project",
        targetLabel: `p-${index}`,
      })),
    });
    const chunkHeaders = await asSession(owner);
    for (const format of ["csv", "jsonl"]) {
      const response = await fetchAuditLog(organization.slug, `format=${format}&action=project.rename`, chunkHeaders);
      let chunks = 0;
      let text = "";
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        chunks++;
        text += decoder.decode(chunk, { stream: true });
      }
      expect(chunks).toBe(2);
      expect(text.split("\n").filter(Boolean)).toHaveLength(format === "csv" ? count + 1 : count);
    }
  });
});
