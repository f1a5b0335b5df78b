import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Marks a project's draft as changed (see lib/tools/draft-snapshot.ts): the draft endpoint
 * reloads its cached snapshot on the next request. Call inside the transaction of the change.
 */
export async function touchDraft(tx: Tx, projectId: string) {
  await tx.project.update({ where: { id: projectId }, data: { draftRevision: { increment: 1 } } });
}
