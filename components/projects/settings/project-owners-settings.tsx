"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ROLE_LABELS } from "@/components/members/roles";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import type { Member } from "@/lib/hooks/api-types";
import { useUpdateProject } from "@/lib/hooks/use-projects";

/** Choose which members are project owners (a checkbox per member). Owners and Admins only. */
export function ProjectOwnersSettings({
  org,
  projectSlug,
  members,
  ownerIds,
}: {
  org: string;
  projectSlug: string;
  members: Member[];
  ownerIds: string[];
}) {
  const router = useRouter();
  const toast = useToast();
  const updateProject = useUpdateProject(org, projectSlug);
  const [selected, setSelected] = useState(() => new Set(ownerIds));
  const [error, setError] = useState<string | null>(null);
  const changed = selected.size !== ownerIds.length || ownerIds.some((id) => !selected.has(id));

  function toggle(userId: string, checked: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(userId);
      else next.delete(userId);
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    updateProject.mutate(
      { owners: [...selected] },
      {
        onSuccess: () => {
          toast("Project owners saved");
          router.refresh();
        },
        onError: (caught) => setError(errorMessage(caught)),
      },
    );
  }

  return (
    <form onSubmit={onSubmit}>
      <Section
        title="Project owners"
        description="On top of their organization role, project owners may publish, roll back, change visibility and manage production tokens of this project."
        footer={
          <>
            {error ? (
              <p role="alert" className="text-xs font-medium text-danger">
                {error}
              </p>
            ) : (
              <p className="text-xs text-muted">{selected.size} selected</p>
            )}
            <Button type="submit" variant="primary" size="sm" disabled={!changed} loading={updateProject.isPending}>
              Save owners
            </Button>
          </>
        }
      >
        <fieldset>
          <legend className="sr-only">Project owners</legend>
          <ul className="max-h-80 divide-y divide-line overflow-y-auto rounded-lg border border-line">
            {members.map((member) => (
              <li key={member.userId}>
                <label className="flex cursor-pointer items-center gap-3 px-4 py-2.5 text-sm hover:bg-subtle/60">
                  <input
                    type="checkbox"
                    className="size-4 shrink-0 accent-accent"
                    checked={selected.has(member.userId)}
                    onChange={(event) => toggle(member.userId, event.target.checked)}
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{member.user.name || member.user.email}</span>
                    <span className="block text-xs break-all text-muted">{member.user.email}</span>
                  </span>
                  <span className="text-xs text-muted">{ROLE_LABELS[member.role]}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </Section>
    </form>
  );
}
