// The signed-in user in server components and pages.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";

export async function getSessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  return user ? { userId: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in user, or a redirect to sign-in that comes back here. */
export async function requireSessionActor(callbackPath: string): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return actor;
}
