// Calling the publishing API (preview, publish, rollback, history, production tokens) of one
// project through the real route handlers, as a given user's studio session.
import * as packageRoute from "@/app/app/v1/organizations/[org]/projects/[project]/packages/[version]/route";
import * as packagesRoute from "@/app/app/v1/organizations/[org]/projects/[project]/packages/route";
import * as publishRoute from "@/app/app/v1/organizations/[org]/projects/[project]/publish/route";
import * as rollbackRoute from "@/app/app/v1/organizations/[org]/projects/[project]/rollback/route";
import * as tokenRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tokens/[id]/route";
import * as tokensRoute from "@/app/app/v1/organizations/[org]/projects/[project]/tokens/route";
import { asSession, call, type TestUser } from "./helpers";

// Response bodies as the studio reads them: the same types, derived from the server's shapes.
import type { BreakingChange, FileDiff, Package, PublishPreview } from "@/lib/hooks/api-types";

export type PreviewBody = PublishPreview;
export type PackageBody = Package;

export type ErrorBody = { error: { code: string; message: string } };
export type TokenBody = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; token?: string };

export function publishingApi(target: { orgSlug: string; projectSlug: string }) {
  const params = { org: target.orgSlug, project: target.projectSlug };
  const base = `/app/v1/organizations/${params.org}/projects/${params.project}`;
  return {
    base,
    params,
    preview: async (user: TestUser) =>
      call<PreviewBody>(publishRoute.GET, { path: `${base}/publish`, headers: await asSession(user), params }),
    publish: async (user: TestUser, body: { changelog?: string; version?: string } = { changelog: "Changes" }) =>
      call<PackageBody & ErrorBody>(publishRoute.POST, {
        method: "POST",
        path: `${base}/publish`,
        headers: await asSession(user),
        params,
        body,
      }),
    rollback: async (user: TestUser, version: string) =>
      call<PackageBody & ErrorBody>(rollbackRoute.POST, {
        method: "POST",
        path: `${base}/rollback`,
        headers: await asSession(user),
        params,
        body: { version },
      }),
    packages: async (user: TestUser, query = "") =>
      call<{ data: PackageBody[]; nextCursor: string | null } & ErrorBody>(packagesRoute.GET, {
        path: `${base}/packages${query}`,
        headers: await asSession(user),
        params,
      }),
    package: async (user: TestUser, version: string) =>
      call<PackageBody & { manifest: Record<string, unknown>; files: FileDiff[]; breakingChanges: BreakingChange[] } & ErrorBody>(
        packageRoute.GET,
        {
          path: `${base}/packages/${version}`,
          headers: await asSession(user),
          params: { ...params, version },
        },
      ),
    listTokens: async (user: TestUser) =>
      call<{ data: TokenBody[] } & ErrorBody>(tokensRoute.GET, { path: `${base}/tokens`, headers: await asSession(user), params }),
    createToken: async (user: TestUser, name = "Claude Desktop") =>
      call<TokenBody & ErrorBody>(tokensRoute.POST, {
        method: "POST",
        path: `${base}/tokens`,
        headers: await asSession(user),
        params,
        body: { name },
      }),
    revokeToken: async (user: TestUser, id: string) =>
      call<ErrorBody | null>(tokenRoute.DELETE, {
        method: "DELETE",
        path: `${base}/tokens/${id}`,
        headers: await asSession(user),
        params: { ...params, id },
      }),
  };
}

export type PublishingApi = ReturnType<typeof publishingApi>;
