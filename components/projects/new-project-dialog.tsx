"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { NameSlugFields, readNameAndSlug, serverFieldErrors } from "@/components/forms/name-slug-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useCreateProject } from "@/lib/hooks/use-projects";

const NAME_LABEL = "Project name";

function NewProjectForm({ org, onCancel }: { org: string; onCancel: () => void }) {
  const router = useRouter();
  const createProject = useCreateProject(org);
  const [errors, setErrors] = useState<{ name?: string; slug?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, errors: invalid } = readNameAndSlug(event.currentTarget, NAME_LABEL);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) return;
    createProject.mutate(input, {
      onSuccess: (project) => {
        router.push(`/orgs/${org}/projects/${project.slug}`);
        router.refresh();
      },
      onError: (error) => {
        const byField = serverFieldErrors(error, NAME_LABEL);
        setErrors(byField);
        if (Object.keys(byField).length === 0) setFormError(errorMessage(error));
      },
    });
  }

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
      <Dialog open={open} onOpenChange={setOpen} title="New project" description="A project is one MCP server with its own tools, endpoints and access.">
        <NewProjectForm org={org} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
