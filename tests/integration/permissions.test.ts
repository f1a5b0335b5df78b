// SPEC §7 through the real routes: what each role may do, and that another
// organization's resources are invisible (404, never 403) to session and token alike.
import { beforeAll, describe, expect, it } from "vitest";
import * as organizationRoute from "@/app/app/v1/organizations/[org]/route";
import * as invitationsRoute from "@/app/app/v1/organizations/[org]/invitations/route";
import * as memberRoute from "@/app/app/v1/organizations/[org]/members/[userId]/route";
import * as membersRoute from "@/app/app/v1/organizations/[org]/members/route";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import * as projectsRoute from "@/app/app/v1/organizations/[org]/projects/route";
import { db } from "@/lib/db";
import { asSession, asToken, call, createOrgWithMembers, uniqueSlug, type OrgFixture } from "./helpers";

type Who = keyof OrgFixture["users"];
type Project = { name: string; instructions: string; owners: { id: string }[] };
type Member = { userId: string; role: string; ownedProjects: { slug: string }[] };

const FORBIDDEN = { error: { code: "forbidden", message: expect.any(String) } };

function projectTarget(fixture: OrgFixture) {
  const { organization, project } = fixture;
  return {
    path: `/app/v1/organizations/${organization.slug}/projects/${project.slug}`,
    params: { org: organization.slug, project: project.slug },
  };
}

async function patchProject(fixture: OrgFixture, who: Who, body: Record<string, unknown>) {
  const headers = await asSession(fixture.users[who]);
  return call<Project>(projectRoute.PATCH, { method: "PATCH", ...projectTarget(fixture), headers, body });
}

async function patchMemberRole(fixture: OrgFixture, who: Who, target: Who, role: string) {
  const org = fixture.organization.slug;
  const userId = fixture.users[target].id;
  return call<Member>(memberRoute.PATCH, {
    method: "PATCH",
    path: `/app/v1/organizations/${org}/members/${userId}`,
    params: { org, userId },
    headers: await asSession(fixture.users[who]),
    body: { role },
  });
}

async function roleOf(fixture: OrgFixture, who: Who) {
  const membership = await db.membership.findFirstOrThrow({
    where: { organizationId: fixture.organization.id, userId: fixture.users[who].id },
  });
  return membership.role;
}

describe("role matrix on the routes", () => {
  let shared: OrgFixture;
  beforeAll(async () => {
    shared = await createOrgWithMembers();
  });

  it.each<Who>(["owner", "admin", "projectOwner", "editor", "viewer"])("%s can view the project", async (who) => {
    const response = await call(projectRoute.GET, { ...projectTarget(shared), headers: await asSession(shared.users[who]) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      slug: shared.project.slug,
      visibility: "private",
      owners: [{ id: shared.users.projectOwner.id, email: shared.users.projectOwner.email, name: "Project Owner" }],
    });
  });

  it.each<Who>(["owner", "admin", "projectOwner", "editor"])("%s can edit the Instructions", async (who) => {
    const response = await patchProject(shared, who, { instructions: `Written by ${who}` });
    expect(response.status).toBe(200);
    expect(response.body.instructions).toBe(`Written by ${who}`);
  });

  it("a Viewer cannot edit the Instructions (403)", async () => {
    const response = await patchProject(shared, "viewer", { instructions: "Written by viewer" });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
    expect((await db.project.findUniqueOrThrow({ where: { id: shared.project.id } })).instructions).not.toBe("Written by viewer");
  });

  it.each<Who>(["owner", "admin", "projectOwner"])("%s can rename the project", async (who) => {
    const response = await patchProject(shared, who, { name: `Renamed by ${who}` });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe(`Renamed by ${who}`);
  });

  it.each<Who>(["editor", "viewer"])("%s cannot rename the project (403)", async (who) => {
    const response = await patchProject(shared, who, { name: `Renamed by ${who}` });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
  });

  it.each<Who>(["owner", "admin"])("%s can assign project owners", async (who) => {
    const fixture = await createOrgWithMembers();
    const response = await patchProject(fixture, who, { owners: [fixture.users.editor.id] });
    expect(response.status).toBe(200);
    expect(response.body.owners).toEqual([expect.objectContaining({ id: fixture.users.editor.id })]);
  });

  it.each<Who>(["projectOwner", "editor", "viewer"])("%s cannot assign project owners (403)", async (who) => {
    const response = await patchProject(shared, who, { owners: [shared.users[who].id] });
    expect(response.status).toBe(403);
    const owners = await db.projectOwner.findMany({ where: { projectId: shared.project.id }, include: { membership: true } });
    expect(owners.map((owner) => owner.membership.userId)).toEqual([shared.users.projectOwner.id]);
  });

  it.each<Who>(["owner", "admin"])("%s can delete the project", async (who) => {
    const fixture = await createOrgWithMembers();
    const target = projectTarget(fixture);
    const response = await call(projectRoute.DELETE, { method: "DELETE", ...target, headers: await asSession(fixture.users[who]) });
    expect(response.status).toBe(204);
    expect((await call(projectRoute.GET, { ...target, headers: await asSession(fixture.users.owner) })).status).toBe(404);
  });

  it.each<Who>(["projectOwner", "editor", "viewer"])("%s cannot delete the project (403)", async (who) => {
    const response = await call(projectRoute.DELETE, {
      method: "DELETE",
      ...projectTarget(shared),
      headers: await asSession(shared.users[who]),
    });
    expect(response.status).toBe(403);
    expect(await db.project.count({ where: { id: shared.project.id } })).toBe(1);
  });

  async function createProjectAs(who: Who) {
    const org = shared.organization.slug;
    return call(projectsRoute.POST, {
      method: "POST",
      path: `/app/v1/organizations/${org}/projects`,
      params: { org },
      headers: await asSession(shared.users[who]),
      body: { slug: uniqueSlug("p"), name: `By ${who}` },
    });
  }

  it.each<Who>(["owner", "admin"])("%s can create a project", async (who) => {
    const response = await createProjectAs(who);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: `By ${who}`, organizationId: shared.organization.id, owners: [] });
  });

  it.each<Who>(["projectOwner", "editor", "viewer"])("%s cannot create a project (403)", async (who) => {
    const response = await createProjectAs(who);
    expect(response.status).toBe(403);
    expect(await db.project.count({ where: { organizationId: shared.organization.id, name: `By ${who}` } })).toBe(0);
  });

  it.each<Who>(["owner", "admin", "projectOwner", "editor", "viewer"])("%s can list members and projects", async (who) => {
    const org = shared.organization.slug;
    const headers = await asSession(shared.users[who]);
    const members = await call<{ data: Member[] }>(membersRoute.GET, {
      path: `/app/v1/organizations/${org}/members`,
      params: { org },
      headers,
    });
    expect(members.body.data).toHaveLength(5);
    expect(members.body.data).toContainEqual(
      expect.objectContaining({
        userId: shared.users.projectOwner.id,
        role: "VIEWER",
        ownedProjects: [{ slug: shared.project.slug, name: expect.any(String) }],
      }),
    );
    const projects = await call(projectsRoute.GET, { path: `/app/v1/organizations/${org}/projects`, params: { org }, headers });
    expect(projects.status).toBe(200);
  });
});

describe("member management", () => {
  it.each<Who>(["owner", "admin"])("%s can change a member's role", async (who) => {
    const fixture = await createOrgWithMembers();
    const response = await patchMemberRole(fixture, who, "editor", "VIEWER");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ userId: fixture.users.editor.id, role: "VIEWER" });
  });

  it.each<Who>(["projectOwner", "editor", "viewer"])("%s cannot change roles (403)", async (who) => {
    const fixture = await createOrgWithMembers();
    const response = await patchMemberRole(fixture, who, "viewer", "ADMIN");
    expect(response.status).toBe(403);
    expect(await roleOf(fixture, "viewer")).toBe("VIEWER");
  });

  it("an Admin cannot make someone Owner, nor demote an Owner", async () => {
    const fixture = await createOrgWithMembers();
    const promote = await patchMemberRole(fixture, "admin", "editor", "OWNER");
    expect(promote.status).toBe(403);
    expect(promote.body).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("Owner") } });
    expect((await patchMemberRole(fixture, "admin", "owner", "VIEWER")).status).toBe(403);
    expect(await roleOf(fixture, "editor")).toBe("EDITOR");
    expect(await roleOf(fixture, "owner")).toBe("OWNER");
  });

  it("an Owner can make someone Owner", async () => {
    const fixture = await createOrgWithMembers();
    const response = await patchMemberRole(fixture, "owner", "admin", "OWNER");
    expect(response.status).toBe(200);
    expect(await roleOf(fixture, "admin")).toBe("OWNER");
  });

  async function invitationsCall(fixture: OrgFixture, who: Who, method: "GET" | "POST", role = "EDITOR") {
    const org = fixture.organization.slug;
    const headers = await asSession(fixture.users[who]);
    const target = { path: `/app/v1/organizations/${org}/invitations`, params: { org }, headers };
    const body = { email: `${uniqueSlug("invitee")}@example.test`, role };
    return method === "GET" ? call(invitationsRoute.GET, target) : call(invitationsRoute.POST, { ...target, method, body });
  }

  it.each<Who>(["owner", "admin"])("%s can list and create invitations", async (who) => {
    const fixture = await createOrgWithMembers();
    expect((await invitationsCall(fixture, who, "POST")).status).toBe(201);
    const list = await invitationsCall(fixture, who, "GET");
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [expect.objectContaining({ role: "EDITOR" })] });
  });

  it.each<Who>(["projectOwner", "editor", "viewer"])("%s cannot list or create invitations (403)", async (who) => {
    const fixture = await createOrgWithMembers();
    expect((await invitationsCall(fixture, who, "GET")).status).toBe(403);
    expect((await invitationsCall(fixture, who, "POST")).status).toBe(403);
    expect(await db.invitation.count({ where: { organizationId: fixture.organization.id, acceptedAt: null } })).toBe(0);
  });

  it("an Admin cannot invite an Owner; an Owner can", async () => {
    const fixture = await createOrgWithMembers();
    expect((await invitationsCall(fixture, "admin", "POST", "OWNER")).status).toBe(403);
    expect((await invitationsCall(fixture, "owner", "POST", "OWNER")).status).toBe(201);
  });

  async function removeMemberAs(fixture: OrgFixture, who: Who, target: Who) {
    const org = fixture.organization.slug;
    const userId = fixture.users[target].id;
    const headers = await asSession(fixture.users[who]);
    return call(memberRoute.DELETE, {
      method: "DELETE",
      path: `/app/v1/organizations/${org}/members/${userId}`,
      params: { org, userId },
      headers,
    });
  }

  it("an Admin removes a member; a Viewer may leave but not remove others", async () => {
    const fixture = await createOrgWithMembers();
    expect((await removeMemberAs(fixture, "viewer", "editor")).status).toBe(403);
    expect((await removeMemberAs(fixture, "admin", "editor")).status).toBe(204);
    expect((await removeMemberAs(fixture, "viewer", "viewer")).status).toBe(204);
    const left = await db.membership.count({
      where: { organizationId: fixture.organization.id, userId: { in: [fixture.users.editor.id, fixture.users.viewer.id] } },
    });
    expect(left).toBe(0);
  });

  it("assigning an Editor as project owner gives them the right to rename the project", async () => {
    const fixture = await createOrgWithMembers();
    expect((await patchProject(fixture, "editor", { name: "Editor's name" })).status).toBe(403);
    const assign = await patchProject(fixture, "owner", { owners: [fixture.users.projectOwner.id, fixture.users.editor.id] });
    expect(assign.status).toBe(200);
    const renamed = await patchProject(fixture, "editor", { name: "Editor's name" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Editor's name");
  });
});

// Every org/project/member/invitation route of organization B, as a request builder.
const ORG_B_ROUTES: Array<[string, (b: OrgFixture) => Parameters<typeof call>]> = [
  [
    "GET organization",
    (b) => [organizationRoute.GET, { path: `/app/v1/organizations/${b.organization.slug}`, params: { org: b.organization.slug } }],
  ],
  ["GET members", (b) => [membersRoute.GET, orgTarget(b, "members")]],
  [
    "POST members",
    (b) => [membersRoute.POST, { ...orgTarget(b, "members"), method: "POST", body: { email: "x@example.test", role: "OWNER" } }],
  ],
  ["PATCH member", (b) => [memberRoute.PATCH, { ...memberTarget(b), method: "PATCH", body: { role: "VIEWER" } }]],
  ["DELETE member", (b) => [memberRoute.DELETE, { ...memberTarget(b), method: "DELETE" }]],
  ["GET invitations", (b) => [invitationsRoute.GET, orgTarget(b, "invitations")]],
  [
    "POST invitations",
    (b) => [invitationsRoute.POST, { ...orgTarget(b, "invitations"), method: "POST", body: { email: "x@example.test", role: "OWNER" } }],
  ],
  ["GET projects", (b) => [projectsRoute.GET, orgTarget(b, "projects")]],
  [
    "POST projects",
    (b) => [projectsRoute.POST, { ...orgTarget(b, "projects"), method: "POST", body: { slug: uniqueSlug("x"), name: "Intruder" } }],
  ],
  ["GET project", (b) => [projectRoute.GET, projectTarget(b)]],
  [
    "PATCH project",
    (b) => [projectRoute.PATCH, { ...projectTarget(b), method: "PATCH", body: { name: "Hijacked", instructions: "Hijacked" } }],
  ],
  ["DELETE project", (b) => [projectRoute.DELETE, { ...projectTarget(b), method: "DELETE" }]],
];

function orgTarget(b: OrgFixture, collection: string) {
  return { path: `/app/v1/organizations/${b.organization.slug}/${collection}`, params: { org: b.organization.slug } };
}

function memberTarget(b: OrgFixture) {
  const org = b.organization.slug;
  const userId = b.users.editor.id;
  return { path: `/app/v1/organizations/${org}/members/${userId}`, params: { org, userId } };
}

async function snapshot(b: OrgFixture) {
  const [memberships, projects, invitations] = await Promise.all([
    db.membership.findMany({ where: { organizationId: b.organization.id }, select: { userId: true, role: true }, orderBy: { id: "asc" } }),
    db.project.findMany({ where: { organizationId: b.organization.id }, select: { id: true, name: true, instructions: true } }),
    db.invitation.count({ where: { organizationId: b.organization.id } }),
  ]);
  return { memberships, projects, invitations };
}

describe.each([
  ["a session cookie", asSession],
  ["a personal API token", asToken],
] as const)("another organization, via %s", (_mode, credentials) => {
  let a: OrgFixture;
  let b: OrgFixture;
  let headers: Record<string, string>;
  beforeAll(async () => {
    [a, b] = [await createOrgWithMembers(), await createOrgWithMembers()];
    headers = await credentials(a.users.owner);
  });

  it.each(ORG_B_ROUTES)("%s answers 404 to an Owner of another organization", async (_name, build) => {
    const before = await snapshot(b);
    const [handler, options] = build(b);
    const response = await call(handler, { ...options, headers });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect(await snapshot(b)).toEqual(before);
  });

  it("answers 404 for B's project and B's member addressed through A's slug", async () => {
    const org = a.organization.slug;
    const project = await call(projectRoute.GET, {
      path: `/app/v1/organizations/${org}/projects/${b.project.slug}`,
      params: { org, project: b.project.slug },
      headers,
    });
    expect(project.status).toBe(404);
    const userId = b.users.viewer.id;
    const member = await call(memberRoute.PATCH, {
      method: "PATCH",
      path: `/app/v1/organizations/${org}/members/${userId}`,
      params: { org, userId },
      headers,
      body: { role: "ADMIN" },
    });
    expect(member.status).toBe(404);
    expect(await roleOf(b, "viewer")).toBe("VIEWER");
  });
});
