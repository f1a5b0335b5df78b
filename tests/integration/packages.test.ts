// Publish history, downloads and verification through the real routes: the manifest bytes and
// signature a user downloads verify offline against the organization's public signing-key URL.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as signingKeyRoute from "@/app/app/v1/organizations/[org]/signing-key/route";
import * as manifestRoute from "@/app/app/v1/organizations/[org]/projects/[project]/packages/[version]/manifest/route";
import * as signatureRoute from "@/app/app/v1/organizations/[org]/projects/[project]/packages/[version]/signature/route";
import * as projectRoute from "@/app/app/v1/organizations/[org]/projects/[project]/route";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPackageFiles } from "@/lib/packages/verify-package";
import { createProject } from "@/lib/projects/projects";
import { createTool, updateTool } from "@/lib/tools/tools";
import { asSession, call, createOrgWithMembers, createTestOrganization, createTestUser, uniqueSlug, type OrgFixture } from "./helpers";
import { startRouteServer, type TestHttpServer } from "./mcp-helpers";
import { publishingApi, type PublishingApi } from "./publish-helpers";

let fixture: OrgFixture;
let api: PublishingApi;
let server: TestHttpServer;
let projectSlug: string;

beforeAll(async () => {
  fixture = await createOrgWithMembers();
  const { owner } = fixture.users;
  const orgSlug = fixture.organization.slug;
  const orgAccess = await getOrganizationAccess({ actor: owner, orgSlug, permission: "organization.createProject" });
  projectSlug = (await createProject({ access: orgAccess, actor: owner, input: { slug: uniqueSlug("hist"), name: "History" } })).slug;
  const access = await getProjectAccess({ actor: owner, orgSlug, projectSlug, permission: "project.edit" });
  api = publishingApi({ orgSlug, projectSlug });

  await createTool({ access, input: { name: "greet", kind: "data", handler: "async () => ({ v: 1 })" } });
  expect((await api.publish(owner, { changelog: "First release" })).status).toBe(201);
  await updateTool({ access, name: "greet", input: { handler: "async () => ({ v: 2 })" } });
  await createTool({ access, input: { name: "farewell", kind: "data" } });
  expect((await api.publish(fixture.users.admin, { changelog: "Adds farewell" })).status).toBe(201);
  expect((await api.rollback(owner, "1.0.0")).status).toBe(200);

  server = await startRouteServer([{ pattern: /^\/app\/v1\/organizations\/(?<org>[^/]+)\/signing-key$/, module: signingKeyRoute }]);
});

afterAll(async () => {
  await server?.close();
});

/** A route's raw answer (the downloads are bytes and text, not JSON). */
async function download(route: typeof manifestRoute, version: string, user = fixture.users.viewer) {
  const params = { ...api.params, version };
  const request = new Request(`http://localhost:3000${api.base}/packages/${version}`, { headers: await asSession(user) });
  return route.GET(request, { params: Promise.resolve(params) });
}

describe("history API", () => {
  it("lists packages newest first with author, changelog, digest, signature, production flag and change summary", async () => {
    const listed = await api.packages(fixture.users.viewer);
    expect(listed.status).toBe(200);
    expect(listed.body.nextCursor).toBeNull();
    expect(listed.body.data).toEqual([
      {
        id: expect.any(String),
        version: "1.1.0",
        changelog: "Adds farewell",
        author: { id: fixture.users.admin.id, name: "Admin", email: fixture.users.admin.email },
        createdAt: expect.any(String),
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        signature: expect.any(String),
        signingKeyId: expect.any(String),
        isProduction: false,
        previousVersion: "1.0.0",
        changes: {
          tools: { added: ["farewell"], modified: ["greet"], removed: [] },
          components: { added: [], modified: [], removed: [] },
          prompts: { added: [], modified: [], removed: [] },
          resources: { added: [], modified: [], removed: [] },
        },
      },
      expect.objectContaining({
        version: "1.0.0",
        isProduction: true,
        previousVersion: null,
        changes: {
          tools: { added: ["greet"], modified: [], removed: [] },
          components: { added: [], modified: [], removed: [] },
          prompts: { added: [], modified: [], removed: [] },
          resources: { added: [], modified: [], removed: [] },
        },
      }),
    ]);
  });

  it("pages with ?limit and ?cursor", async () => {
    const first = await api.packages(fixture.users.viewer, "?limit=1");
    expect(first.body.data.map((item) => item.version)).toEqual(["1.1.0"]);
    const second = await api.packages(fixture.users.viewer, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ data: [{ version: "1.0.0" }], nextCursor: null });
  });

  it("returns one package with its manifest, file diffs and breaking changes against the version it replaced", async () => {
    const detail = await api.package(fixture.users.viewer, "1.1.0");
    expect(detail.status).toBe(200);
    expect(detail.body.manifest).toMatchObject({
      format: "atelier.package/v1",
      version: "1.1.0",
      changelog: "Adds farewell",
      project: { slug: projectSlug },
      organization: { slug: fixture.organization.slug },
      tools: [{ name: "farewell" }, { name: "greet", handler: "async () => ({ v: 2 })" }],
    });
    const handlerDiff = detail.body.files.find((file) => file.path === "tools/greet/handler.js")?.diff;
    expect(handlerDiff).toContain("-async () => ({ v: 1 })\n");
    expect(handlerDiff).toContain("+async () => ({ v: 2 })\n");
    expect(detail.body.breakingChanges).toEqual([]);
    expect((await api.package(fixture.users.viewer, "4.0.0")).status).toBe(404);
  });

  it("shows the production version on the project", async () => {
    const project = await call<{ productionVersion: string | null }>(projectRoute.GET, {
      path: api.base,
      params: api.params,
      headers: await asSession(fixture.users.viewer),
    });
    expect(project.body.productionVersion).toBe("1.0.0");
    expect(project.body).not.toHaveProperty("productionPackageId");
  });
});

describe("downloads and verification", () => {
  let files: { manifestPath: string; signaturePath: string };
  let manifestBytes: Buffer;
  const signingKeyUrl = (org: string) => `${server.origin}/app/v1/organizations/${org}/signing-key`;

  beforeAll(async () => {
    const manifest = await download(manifestRoute, "1.1.0");
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("content-type")).toBe("application/json");
    expect(manifest.headers.get("content-disposition")).toBe(`attachment; filename="${projectSlug}-1.1.0.manifest.json"`);
    manifestBytes = Buffer.from(await manifest.arrayBuffer());
    const signature = await download(signatureRoute, "1.1.0");
    expect(signature.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-download-"));
    files = { manifestPath: path.join(dir, "manifest.json"), signaturePath: path.join(dir, "manifest.json.sig") };
    await writeFile(files.manifestPath, manifestBytes);
    await writeFile(files.signaturePath, await signature.text());
  });

  it("downloads the exact canonical bytes the digest covers", async () => {
    const listed = (await api.packages(fixture.users.viewer)).body.data.find((item) => item.version === "1.1.0");
    expect(`sha256:${createHash("sha256").update(manifestBytes).digest("hex")}`).toBe(listed?.digest);
    expect(JSON.stringify(JSON.parse(manifestBytes.toString()))).toBe(manifestBytes.toString()); // no whitespace
    expect(manifestBytes.toString()).not.toMatch(/allowedDomains|secret/i);
  });

  it("verifies against the organization's signing-key URL", async () => {
    const result = await verifyPackageFiles({ ...files, publicKey: signingKeyUrl(fixture.organization.slug) });
    expect(result).toMatchObject({ ok: true, version: "1.1.0", project: `${fixture.organization.slug}/${projectSlug}` });
  });

  it("fails for one changed byte of the manifest", async () => {
    const changed = Buffer.from(manifestBytes);
    const index = changed.indexOf("Adds farewell");
    changed[index] = "a".charCodeAt(0);
    const changedPath = `${files.manifestPath}.changed`;
    await writeFile(changedPath, changed);
    const result = await verifyPackageFiles({ ...files, manifestPath: changedPath, publicKey: signingKeyUrl(fixture.organization.slug) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
  });

  it("fails with another organization's key", async () => {
    const stranger = await createTestUser();
    const other = await createTestOrganization(stranger);
    const result = await verifyPackageFiles({ ...files, publicKey: signingKeyUrl(other.slug) });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("was signed with key") });
  });

  it("works from the command line: npm run verify-package prints OK, or FAILED and exits 1", async () => {
    const run = promisify(execFile);
    const tsx = path.resolve("node_modules/.bin/tsx");
    const ok = await run(tsx, [
      "scripts/verify-package.ts",
      files.manifestPath,
      files.signaturePath,
      signingKeyUrl(fixture.organization.slug),
    ]);
    expect(ok.stdout).toMatch(new RegExp(`^OK ${fixture.organization.slug}/${projectSlug} 1\\.1\\.0\\n  digest sha256:[0-9a-f]{64}`));

    const otherKey = await run(tsx, ["scripts/verify-package.ts", files.manifestPath, files.signaturePath, files.signaturePath]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(otherKey).toMatchObject({ code: 1, stdout: expect.stringMatching(/^FAILED: /) });
  }, 30_000);

  it("needs the same permission as the history to download", async () => {
    const stranger = await createTestUser();
    await createTestOrganization(stranger);
    expect((await download(manifestRoute, "1.1.0", stranger)).status).toBe(404);
    expect((await download(signatureRoute, "1.1.0", stranger)).status).toBe(404);
    expect((await download(signatureRoute, "9.9.9")).status).toBe(404);
  });
});

describe("signing key", () => {
  it("is served without auth as { algorithm, keyId, publicKeyPem, publicKeyJwk }; an unknown organization is a 404", async () => {
    const response = await fetch(`${server.origin}/app/v1/organizations/${fixture.organization.slug}/signing-key`);
    expect(response.status).toBe(200);
    const key = (await response.json()) as Record<string, unknown>;
    expect(key).toEqual({
      algorithm: "Ed25519",
      keyId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      publicKeyPem: expect.stringContaining("-----BEGIN PUBLIC KEY-----"),
      publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: expect.any(String), kid: key.keyId, alg: "EdDSA", use: "sig" },
    });
    const packages = (await api.packages(fixture.users.viewer)).body.data;
    expect(packages.every((item) => item.signingKeyId === key.keyId)).toBe(true);
    const unknown = await fetch(`${server.origin}/app/v1/organizations/no-such-org-${uniqueSlug()}/signing-key`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: "Organization not found" } });
  });

  it("keeps the private key encrypted at rest, bound to its organization", async () => {
    const row = await db.signingKey.findUniqueOrThrow({
      where: { organizationId: fixture.organization.id },
      omit: { privateKeyCiphertext: false },
    });
    expect(row.privateKeyCiphertext).toMatch(/^v1\./);
    expect(row.privateKeyCiphertext).not.toContain("PRIVATE KEY");
    expect(decryptSecret(row.privateKeyCiphertext, env().encryptionKey, `signing-key:${fixture.organization.id}`)).toContain(
      "-----BEGIN PRIVATE KEY-----",
    );
    expect(() => decryptSecret(row.privateKeyCiphertext, env().encryptionKey, "signing-key:another-organization")).toThrow();
    const byDefault = await db.signingKey.findUniqueOrThrow({ where: { organizationId: fixture.organization.id } });
    expect(byDefault).not.toHaveProperty("privateKeyCiphertext");
  });
});
