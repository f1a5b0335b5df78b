"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { useUpdateProject } from "@/lib/hooks/use-projects";

/** Rename the project. The slug is fixed: it is part of the MCP endpoint URLs hosts use. */
export function GeneralSettings({ org, project, canEdit }: { org: string; project: { slug: string; name: string }; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const updateProject = useUpdateProject(org, project.slug);
  const [name, setName] = useState(project.name);
  const [error, setError] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError("Project name is required");
      return;
    }
    setError(undefined);
    updateProject.mutate(
      { name: trimmed },
      {
        onSuccess: () => {
          toast("Project renamed");
          router.refresh();
        },
        onError: (caught) => {
          const field = fieldErrorsOf(caught).name;
          setError(field ? `Project name ${field}` : errorMessage(caught));
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Section
        title="General"
        footer={
          <>
            <p className="text-xs text-muted">
              {canEdit
                ? "The slug cannot be changed: MCP hosts use it in the endpoint URL."
                : "Only Owners, Admins and project owners can rename a project."}
            </p>
            <Button
              type="submit"
              variant="primary"
              size="sm"
              disabled={!canEdit || name.trim() === project.name}
              loading={updateProject.isPending}
            >
              Save
            </Button>
          </>
        }
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Project name" error={error}>
            {(control) => (
              <Input
                {...control}
                name="name"
                value={name}
                maxLength={100}
                disabled={!canEdit}
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </Field>
          <Field label="Slug">{(control) => <Input {...control} value={project.slug} readOnly className="font-mono" />}</Field>
        </div>
      </Section>
    </form>
  );
}
