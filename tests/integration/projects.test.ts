import { describe, expect, it } from "vitest";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import * as projectsRoute from "@/app/app/v1/organizations/[org]/projects/route";
import { db } from "@/lib/db";
import { asSession, call, createTestOrganization, createTestUser, uniqueSlug, type TestUser } from "./helpers";

type Project = { id: string; slug: string; name: string };
type ProjectPage = { data: Project[]; nextCursor: string | null };

async function setUp() {
  const owner = await createTestUser();
  const organization = await createTestOrganization(owner);
  return { owner, org: organization.slug, organization };
}

async function createProjectAs(owner: TestUser, org: string, body: Record<string, unknown>) {
  return call<Project>(projectsRoute.POST, {
    method: "POST",
    path: `/app/v1/organizations/${org}/projects`,
    params: { org },
    headers: await asSession(owner),
    body,
  });
}

async function listPage(owner: TestUser, org: string, query: string) {
  return call<ProjectPage>(projectsRoute.GET, {
    path: `/app/v1/organizations/${org}/projects?${query}`,
    params: { org },
    headers: await asSession(owner),
  });
}

describe("projects", () => {
  it("creates, reads, renames and deletes a project", async () => {
    const { owner, org, organization } = await setUp();
    const slug = uniqueSlug("weather");
    const created = await createProjectAs(owner, org, { slug, name: "Weather", instructions: "Be brief." });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      slug,
      name: "Weather",
      instructions: "Be brief.",
      visibility: "private",
      owners: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      organizationId: organization.id,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/hash/i);

    const target = {
      path: `/app/v1/organizations/${org}/projects/${slug}`,
      params: { org, project: slug },
      headers: await asSession(owner),
    };
    const renamed = await call<Project>(projectRoute.PATCH, { ...target, method: "PATCH", body: { name: "Weather Pro" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ slug, name: "Weather Pro", instructions: "Be brief." });
    expect((await call(projectRoute.GET, target)).body).toMatchObject({ name: "Weather Pro" });

    expect((await call(projectRoute.DELETE, { ...target, method: "DELETE" })).status).toBe(204);
    const gone = await call(projectRoute.GET, target);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect((await listPage(owner, org, "")).body).toEqual({ data: [], nextCursor: null });
  });

  it("rejects a duplicate slug in the same organization (409), but not in another one", async () => {
    const { owner, org } = await setUp();
    const slug = uniqueSlug("dup");
    expect((await createProjectAs(owner, org, { slug, name: "First" })).status).toBe(201);
    const duplicate = await createProjectAs(owner, org, { slug, name: "Second" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ error: { code: "conflict", message: expect.stringContaining(slug) } });
    expect(await db.project.count({ where: { slug } })).toBe(1);

    const other = await createTestOrganization(owner);
    expect((await createProjectAs(owner, other.slug, { slug, name: "Elsewhere" })).status).toBe(201);
  });

  it("rejects an invalid slug with 422 naming the field", async () => {
    const { owner, org } = await setUp();
    const response = await createProjectAs(owner, org, { slug: "Not A Slug", name: "Bad" });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("slug") } });
  });

  it("rejects project owners who are not members (422)", async () => {
    const { owner, org } = await setUp();
    const stranger = await createTestUser();
    const { body } = await createProjectAs(owner, org, { slug: uniqueSlug("p"), name: "P" });
    const response = await call(projectRoute.PATCH, {
      method: "PATCH",
      path: `/app/v1/organizations/${org}/projects/${body.slug}`,
      params: { org, project: body.slug },
      headers: await asSession(owner),
      body: { owners: [stranger.id] },
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("owners") } });
  });

  it("paginates with limit and cursor", async () => {
    const { owner, org } = await setUp();
    const slugs = [uniqueSlug("a"), uniqueSlug("b"), uniqueSlug("c")];
    for (const slug of slugs) await createProjectAs(owner, org, { slug, name: slug });

    const first = await listPage(owner, org, "limit=1");
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await listPage(owner, org, `limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.data[0].slug).not.toBe(first.body.data[0].slug);

    const rest = await listPage(owner, org, `limit=2&cursor=${second.body.nextCursor}`);
    expect(rest.body.nextCursor).toBeNull();
    const seen = [first, second, rest].flatMap((page) => page.body.data.map((project) => project.slug));
    expect(seen.sort()).toEqual([...slugs].sort());
  });

  it.each(["limit=0", "limit=101", "limit=ten"])("rejects %s with 422", async (query) => {
    const { owner, org } = await setUp();
    const response = await listPage(owner, org, query);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("limit") } });
  });
});
