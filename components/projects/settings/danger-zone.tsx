"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useDeleteProject } from "@/lib/hooks/use-projects";

function DeleteProjectForm({ org, project, onCancel }: { org: string; project: { slug: string; name: string }; onCancel: () => void }) {
  const router = useRouter();
  const deleteProject = useDeleteProject(org, project.slug);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed !== project.slug) return;
    deleteProject.mutate(undefined, {
      onSuccess: () => {
        router.push(`/orgs/${org}`);
        router.refresh();
      },
      onError: (caught) => setError(errorMessage(caught)),
    });
  }

  return (
    <form className="space-y-4" onSubmit={onSubmit}>
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <Field
        label={
          <>
            Type <span className="font-mono">{project.slug}</span> to confirm
          </>
        }
      >
        {(control) => (
          <Input
            {...control}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            className="font-mono"
          />
        )}
      </Field>
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={typed !== project.slug} loading={deleteProject.isPending}>
          Delete project
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Delete the project after typing its slug. Owners and Admins only. */
export function DangerZone({ org, project }: { org: string; project: { slug: string; name: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      tone="danger"
      title="Danger zone"
      description="Deleting a project removes its tools, packages, tokens and endpoints. Connected hosts stop working at once. This cannot be undone."
    >
      <Button variant="danger-outline" onClick={() => setOpen(true)}>
        Delete project
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Delete ${project.name}?`}
        description="This permanently deletes the project and everything in it."
      >
        <DeleteProjectForm org={org} project={project} onCancel={() => setOpen(false)} />
      </Dialog>
    </Section>
  );
}
