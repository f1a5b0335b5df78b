// The signed-in user in server components and pages: the same check as the JSON API (a live
// Session row behind the cookie), so a page never shows a session the API would refuse.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type Actor, actorFromSessionToken } from "@/lib/auth/actor";
import { SESSION_COOKIES } from "@/lib/auth/session-cookies";

export async function getSessionActor(): Promise<Actor | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return actorFromSessionToken(value);
  }
  return null;
}

/** The signed-in user, or a redirect to sign-in that comes back here. */
export async function requireSessionActor(callbackPath: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return actor;
}
