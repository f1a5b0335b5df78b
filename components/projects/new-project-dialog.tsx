"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NameSlugFields } from "@/components/forms/name-slug-fields";
import { useNameSlugForm } from "@/components/forms/use-name-slug-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useCreateProject } from "@/lib/hooks/use-projects";

const NAME_LABEL = "Project name";

function NewProjectForm({ org, onCancel }: { org: string; onCancel: () => void }) {
  const router = useRouter();
  const createProject = useCreateProject(org);
  // mutate's callbacks, not mutateAsync: closing the form before the answer cancels the redirect.
  const { errors, formError, onSubmit } = useNameSlugForm({
    nameLabel: NAME_LABEL,
    submit: (input, onError) =>
      createProject.mutate(input, {
        onSuccess: (project) => {
          router.push(`/orgs/${org}/projects/${project.slug}`);
          router.refresh();
        },
        onError,
      }),
  });

  return (
    <form className="space-y-4" onSubmit={onSubmit} noValidate>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <NameSlugFields nameLabel={NAME_LABEL} errors={errors} autoFocus slugHint={(slug) => `MCP endpoint: /mcp/${org}/${slug}`} />
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={createProject.isPending}>
          Create project
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "New project" button and its dialog. Rendered only for roles that may create projects. */
export function NewProjectDialog({ org }: { org: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        New project
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="New project"
        description="A project is one MCP server with its own tools, endpoints and access."
      >
        <NewProjectForm org={org} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
