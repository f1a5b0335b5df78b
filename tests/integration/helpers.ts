// Seeding and calling helpers for integration tests: real domain functions, real
// route handlers, real database. Every helper makes unique data, so tests never collide.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import { createApiToken } from "@/lib/api-tokens/api-tokens";
import type { Actor } from "@/lib/auth/actor";
import { createSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { acceptInvitation, createInvitation } from "@/lib/members/invitations";
import { createOrganization } from "@/lib/organizations/organizations";
import { createProject, updateProject } from "@/lib/projects/projects";
import type { CreateTestCaseInput } from "@/lib/test-cases/test-case-input";
import { createTestCase } from "@/lib/test-cases/test-cases";
import type { CreateToolInput } from "@/lib/tools/tool-input";
import { createTool } from "@/lib/tools/tools";
import { createUser } from "@/lib/users/create-user";

export type TestUser = Actor & { id: string };
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export const uniqueSlug = (prefix = "t") => `${prefix}-${randomUUID().slice(0, 12)}`;

export async function createTestUser(options: { name?: string; email?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `user-${randomUUID()}@example.test`;
  const user = await createUser({ name: options.name ?? "Test User", email, password: "correct horse battery" });
  return { id: user.id, userId: user.id, email: user.email, name: user.name };
}

/** A studio session cookie, minted exactly as next-auth does at sign-in (a live Session row, named by `sid`). */
export async function sessionCookie(user: TestUser): Promise<string> {
  const sid = await createSession(user.id);
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name, sid }, secret: env().authSecret });
  return `next-auth.session-token=${token}`;
}

/** A new personal API token of the user (the raw value). */
export async function apiToken(user: TestUser, name = "test token"): Promise<string> {
  return (await createApiToken({ actor: user, input: { name } })).token;
}

export const asSession = async (user: TestUser) => ({ cookie: await sessionCookie(user) });
export const asToken = async (user: TestUser) => ({ authorization: `Bearer ${await apiToken(user)}` });

export type CallResult<T> = { status: number; body: T; headers: Headers };

/** Calls an exported route handler with a real Request; a string body is sent as is. */
export async function call<T = unknown>(
  handler: RouteHandler,
  options: { method?: string; path: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> },
): Promise<CallResult<T>> {
  const headers = new Headers(options.headers);
  // As the studio's pages do (a browser adds Origin to every write); a test of another origin passes its own.
  if (!["GET", "HEAD"].includes(options.method ?? "GET") && !headers.has("origin")) headers.set("origin", "http://localhost:3000");
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost:3000${options.path}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

type ErrorBody = { error: { code: string; message: string } };

/**
 * The admin API of one kind of a project's named items (`kind`: prompts, resources), through its
 * collection and item route files, as `user`'s studio session: create, list, update, remove.
 */
export function namedItemsApi(
  routes: { collection: { GET: RouteHandler; POST: RouteHandler }; item: { PATCH: RouteHandler; DELETE: RouteHandler } },
  target: { orgSlug: string; projectSlug: string; kind: string },
  user: TestUser,
) {
  const params = { org: target.orgSlug, project: target.projectSlug };
  const base = `/app/v1/organizations/${target.orgSlug}/projects/${target.projectSlug}/${target.kind}`;
  return {
    create: async (body: unknown) =>
      call<Record<string, unknown> & ErrorBody>(routes.collection.POST, {
        method: "POST",
        path: base,
        headers: await asSession(user),
        params,
        body,
      }),
    list: async () =>
      call<{ data: Array<{ name: string }> }>(routes.collection.GET, { path: base, headers: await asSession(user), params }),
    update: async (name: string, body: unknown) =>
      call<Record<string, unknown> & ErrorBody>(routes.item.PATCH, {
        method: "PATCH",
        path: `${base}/${name}`,
        headers: await asSession(user),
        params: { ...params, name },
        body,
      }),
    remove: async (name: string) =>
      call(routes.item.DELETE, { method: "DELETE", path: `${base}/${name}`, headers: await asSession(user), params: { ...params, name } }),
  };
}

export async function createTestOrganization(owner: TestUser, name = "Test Org") {
  return createOrganization({ actor: owner, input: { slug: uniqueSlug("org"), name } });
}

/** Adds a user to the organization the way people join: an invitation, accepted. */
export async function addMember(options: { orgSlug: string; inviter: TestUser; user: TestUser; role: Role }) {
  const access = await getOrganizationAccess({ actor: options.inviter, orgSlug: options.orgSlug, permission: "organization.members" });
  const invitation = await createInvitation({
    access,
    actor: options.inviter,
    origin: "http://localhost:3000",
    input: { email: options.user.email, role: options.role },
  });
  const token = invitation.link.split("/").pop() ?? "";
  await acceptInvitation({ actor: options.user, token });
}

export type OrgFixture = Awaited<ReturnType<typeof createOrgWithMembers>>;

/**
 * An organization with one user per role, plus `projectOwner`: a Viewer assigned as
 * owner of `project` (so what they may do comes from the assignment, not the role).
 */
export async function createOrgWithMembers() {
  const [owner, admin, editor, viewer, projectOwner] = await Promise.all(
    ["Owner", "Admin", "Editor", "Viewer", "Project Owner"].map((name) => createTestUser({ name })),
  );
  const organization = await createTestOrganization(owner);
  const orgSlug = organization.slug;
  const roles: Array<[TestUser, Role]> = [
    [admin, "ADMIN"],
    [editor, "EDITOR"],
    [viewer, "VIEWER"],
    [projectOwner, "VIEWER"],
  ];
  for (const [user, role] of roles) await addMember({ orgSlug, inviter: owner, user, role });

  const orgAccess = await getOrganizationAccess({ actor: owner, orgSlug, permission: "organization.createProject" });
  const project = await createProject({ access: orgAccess, actor: owner, input: { slug: uniqueSlug("proj"), name: "Test Project" } });
  const projectAccess = await getProjectAccess({ actor: owner, orgSlug, projectSlug: project.slug, permission: "project.owners" });
  await updateProject({ access: projectAccess, actor: owner, input: { owners: [projectOwner.id] } });

  return { organization, project, users: { owner, admin, editor, viewer, projectOwner } };
}

/**
 * An organization (createOrgWithMembers) whose project has one draft tool and one saved test case
 * of it; `access` edits the project as its owner.
 */
export async function createOrgWithToolCase(tool: CreateToolInput, testCase: CreateTestCaseInput) {
  const fixture = await createOrgWithMembers();
  const access = await getProjectAccess({
    actor: fixture.users.owner,
    orgSlug: fixture.organization.slug,
    projectSlug: fixture.project.slug,
    permission: "project.edit",
  });
  await createTool({ access, input: tool });
  await createTestCase({ access, target: { kind: "tool", name: tool.name }, input: testCase });
  return { fixture, access };
}
