"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { UnsavedChangesGuard } from "@/components/ui/unsaved-changes-guard";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { useUpdateProject } from "@/lib/hooks/use-projects";

const MAX_LENGTH = 20_000;

/** The project's Instructions: editable for builders, read-only (and no Save) for everyone else. */
export function InstructionsEditor({
  org,
  project,
  initialInstructions,
  canEdit,
}: {
  org: string;
  project: string;
  initialInstructions: string;
  canEdit: boolean;
}) {
  const updateProject = useUpdateProject(org, project);
  const [saved, setSaved] = useState(initialInstructions);
  const [text, setText] = useState(initialInstructions);
  const [error, setError] = useState<string | undefined>();
  const dirty = text !== saved;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canEdit) return;
    setError(undefined);
    const submitted = text;
    updateProject.mutate(
      { instructions: submitted },
      {
        onSuccess: (project) => setSaved(project.instructions ?? submitted),
        onError: (caught) => {
          const field = fieldErrorsOf(caught).instructions;
          setError(field ? `Instructions ${field}` : errorMessage(caught));
        },
      },
    );
  }

  const status = updateProject.isPending ? "Saving…" : dirty ? "Unsaved changes" : "Saved";

  return (
    <form onSubmit={onSubmit} noValidate>
      <UnsavedChangesGuard dirty={canEdit && dirty} />
      <Section
        title="Instructions"
        description="Sent to MCP hosts as the server's instructions: how and when the model should use these tools. Changes are live on both endpoints at once."
        footer={
          canEdit ? (
            <>
              <span role="status" className={cn("text-xs", dirty ? "text-warning" : "text-muted")}>
                {status}
              </span>
              <Button type="submit" variant="primary" size="sm" disabled={!dirty} loading={updateProject.isPending}>
                Save instructions
              </Button>
            </>
          ) : (
            <p className="text-xs text-muted">Viewers can read the Instructions; Editors and above change them.</p>
          )
        }
      >
        <Field
          label="Instructions"
          hint={`${text.length.toLocaleString("en-US")} / ${MAX_LENGTH.toLocaleString("en-US")} characters`}
          error={error}
        >
          {(control) => (
            <Textarea
              {...control}
              name="instructions"
              rows={8}
              maxLength={MAX_LENGTH}
              readOnly={!canEdit}
              placeholder={
                canEdit ? "For example: Use add_numbers for any arithmetic. Always answer temperatures in °C." : "No instructions yet."
              }
              className="font-mono text-[13px]"
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
      </Section>
    </form>
  );
}
