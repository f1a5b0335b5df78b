// Every write to a project's draft (tools, components, prompts, resources, secrets, test cases,
// Instructions, imports, discards) goes through writeDraft: the change and the revision bump
// commit together, so the draft endpoint's cached snapshot (lib/tools/draft-snapshot.ts) is
// reloaded on the next request and never serves a half-applied change.
import "server-only";
import { db, type Tx } from "@/lib/db";

/** Runs `change` in a transaction that also marks the project's draft as changed. */
export async function writeDraft<T>(projectId: string, change: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const result = await change(tx);
    await touchDraft(tx, projectId);
    return result;
  });
}

/** Marks a project's draft as changed, inside writeDraft's transaction. */
async function touchDraft(tx: Tx, projectId: string) {
  await tx.project.update({ where: { id: projectId }, data: { draftRevision: { increment: 1 } } });
}
