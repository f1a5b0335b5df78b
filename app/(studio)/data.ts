// Loaders shared by the studio's layouts and pages. `cache` makes a layout and its page,
// rendered in the same request, share one lookup; a missing resource becomes the 404 page.
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getOrganizationAccess, getProjectAccess } from "@/lib/access";
import { requireSessionActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

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

/** The origin hosts use: ATELIER_URL behind a proxy, else this request's own (as the MCP routes do). */
export async function publicOrigin(): Promise<string> {
  const configured = env().ATELIER_URL;
  if (configured) return new URL(configured).origin;
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}
