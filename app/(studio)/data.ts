// Loaders shared by the studio's layouts and pages. `cache` makes a layout and its page,
// rendered in the same request, share one lookup; a missing resource becomes the 404 page.
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import { requireSessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { publicOrigin as publicOriginOf } from "@/lib/public-origin";

/**
 * The signed-in user, or a redirect to sign-in that returns to `path`. Waits for the request
 * first, so `next build` never prerenders a studio page (and never opens the database).
 */
export async function requireActor(path: string) {
  await connection();
  return requireSessionActor(path);
}

export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export const loadOrganizationAccess = cache((userId: string, orgSlug: string) =>
  orNotFound(getOrganizationAccess({ actor: { userId }, orgSlug, permission: "organization.view" })),
);

export const loadProjectAccess = cache((userId: string, orgSlug: string, projectSlug: string) =>
  orNotFound(getProjectAccess({ actor: { userId }, orgSlug, projectSlug, permission: "project.view" })),
);

/** The origin hosts use (lib/public-origin.ts), for this page's request. */
export async function publicOrigin(): Promise<string> {
  return publicOriginOf({ headers: await headers() });
}

/**
 * A project page's access: the signed-in user (or a redirect to sign-in that returns to the page
 * at `subpath`) and the project they can see (or the 404 page). Permissions: `can(access, …)`.
 */
export async function loadProjectPage(orgSlug: string, projectSlug: string, subpath = "") {
  const actor = await requireActor(`/orgs/${orgSlug}/projects/${projectSlug}${subpath ? `/${subpath}` : ""}`);
  const access = await loadProjectAccess(actor.userId, orgSlug, projectSlug);
  return { actor, access };
}
