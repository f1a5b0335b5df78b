"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { useCreateTool, type ToolKind } from "@/lib/hooks/use-tools";
import { TOOL_NAME, TOOL_NAME_RULE } from "./tool-draft";

function NewToolForm({
  org,
  project,
  kind,
  componentNames,
  onCancel,
}: {
  org: string;
  project: string;
  kind: ToolKind;
  componentNames: string[];
  onCancel: () => void;
}) {
  const router = useRouter();
  const createTool = useCreateTool(org, project);
  const [errors, setErrors] = useState<{ name?: string; component?: string; form?: string }>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const component = String(data.get("component") ?? "");
    const invalid: typeof errors = {};
    if (!TOOL_NAME.test(name)) invalid.name = `Tool name ${TOOL_NAME_RULE}`;
    if (kind === "ui" && !component) invalid.component = "Choose the component this tool renders";
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    createTool.mutate(
      { name, kind, ...(kind === "ui" ? { component } : {}) },
      {
        onSuccess: (tool) => router.push(`/orgs/${org}/projects/${project}/tools/${tool.name}`),
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          if (fields.name) setErrors({ name: `Tool name ${fields.name}` });
          else if (/^component: /.test(errorMessage(error)))
            setErrors({ component: errorMessage(error).replace(/^component: /, "Component: ") });
          else setErrors({ form: errorMessage(error) });
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {errors.form && <Alert tone="danger">{errors.form}</Alert>}
      <Field label="Tool name" hint="What the model calls it: lowercase_with_underscores, like get_weather." error={errors.name}>
        {(control) => (
          <Input
            {...control}
            name="name"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            placeholder={kind === "data" ? "add_numbers" : "show_weather"}
          />
        )}
      </Field>
      {kind === "ui" && (
        <Field label="Component" hint="The HTML the host renders with the tool's result." error={errors.component}>
          {(control) => (
            <Select {...control} name="component" defaultValue={componentNames[0] ?? ""}>
              {componentNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={createTool.isPending}>
          Create tool
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "New data tool" / "New UI tool" and its dialog. A UI Tool needs a component to exist first. */
export function NewToolDialog({
  org,
  project,
  kind,
  componentNames,
}: {
  org: string;
  project: string;
  kind: ToolKind;
  componentNames: string[];
}) {
  const [open, setOpen] = useState(false);
  const label = kind === "data" ? "New data tool" : "New UI tool";
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={label}
        description={
          kind === "data"
            ? "A JavaScript handler that runs in a sandbox on every call. It is live on the draft endpoint as soon as it exists."
            : "Renders a component in the host with the props the model passes. It is live on the draft endpoint as soon as it exists."
        }
      >
        {kind === "ui" && componentNames.length === 0 ? (
          <div className="space-y-4">
            <Alert tone="info" title="Create a component first">
              A UI Tool renders a component. Add one on the{" "}
              <Link href={`/orgs/${org}/projects/${project}/components`} className="underline">
                Components
              </Link>{" "}
              page, then come back.
            </Alert>
            <DialogFooter>
              <Button onClick={() => setOpen(false)}>Close</Button>
            </DialogFooter>
          </div>
        ) : (
          <NewToolForm org={org} project={project} kind={kind} componentNames={componentNames} onCancel={() => setOpen(false)} />
        )}
      </Dialog>
    </>
  );
}
