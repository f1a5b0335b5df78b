// DELETE /app/v1/me/sessions – "Sign out everywhere": ends every studio session of the caller,
// this one included, on every device and instance. Personal API tokens are not sessions and stay.
import { withActor } from "@/lib/api/route";
import { endUserSessions } from "@/lib/auth/sessions";
import { json } from "@/lib/http";

export const DELETE = withActor(async ({ actor }) => json({ endedSessions: await endUserSessions({ userId: actor.userId }) }));
