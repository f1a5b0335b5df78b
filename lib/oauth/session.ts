// The studio session behind an authorization request. The authorization endpoint is reached by
// browser navigation, so only the session cookie counts: a bearer header (an API token) never
// signs anyone in here.
import { authenticateRequest, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

const FORWARDED = ["cookie", "user-agent", "x-forwarded-for"];

export async function sessionActorFromRequest(request: Request): Promise<Actor | null> {
  if (!request.headers.get("cookie")) return null;
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  try {
    return await authenticateRequest(new Request(request.url, { headers }));
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") return null;
    throw error;
  }
}
