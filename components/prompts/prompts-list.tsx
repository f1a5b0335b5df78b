"use client";

import { Link } from "@/components/ui/link";
import { SectionHeader } from "@/components/ui/section-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { type Prompt, usePrompts } from "@/lib/hooks/use-prompts";

/** The project's prompts: hosts offer them to people as slash commands. */
export function PromptsList({
  org,
  project,
  initialPrompts,
  canEdit,
}: {
  org: string;
  project: string;
  initialPrompts: Prompt[];
  canEdit: boolean;
}) {
  const { data: prompts = initialPrompts } = usePrompts(org, project, { initialData: initialPrompts });
  const base = `/orgs/${org}/projects/${project}/prompts`;
  const create = canEdit ? (
    <Link href={`${base}/new`} className={buttonClasses("primary")}>
      New prompt
    </Link>
  ) : undefined;
  return (
    <main className="space-y-6">
      <SectionHeader
        title="Prompts"
        description="Message templates hosts offer as slash commands (prompts/list, prompts/get), filled with the arguments people give."
        actions={prompts.length > 0 ? create : undefined}
      />
      {prompts.length === 0 ? (
        <EmptyState
          title="No prompts yet"
          description={
            canEdit ? "A prompt is a ready-made conversation start with arguments." : "Prompts appear here once an Editor creates one."
          }
          action={create}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {prompts.map((prompt) => (
            <li key={prompt.id}>
              <Link
                href={`${base}/${prompt.name}`}
                className="block h-full space-y-1 rounded-xl border border-line bg-surface p-4 shadow-xs transition-colors hover:border-line-strong hover:bg-subtle/40"
              >
                <p className="font-mono text-[13px] font-semibold text-accent-fg">{prompt.name}</p>
                {prompt.title && <p className="text-sm">{prompt.title}</p>}
                <p className="text-xs text-muted">
                  {prompt.mode === "handler" ? "Handler" : "Template"} ·{" "}
                  {prompt.arguments.length === 0 ? "no arguments" : prompt.arguments.map((argument) => argument.name).join(", ")}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
