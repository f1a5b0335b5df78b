// GET /app/v1/me – the caller (session or personal API token)
import { withActor } from "@/lib/api/route";
import { json } from "@/lib/http";

export const GET = withActor(async ({ actor }) => json({ id: actor.userId, email: actor.email, name: actor.name }));
