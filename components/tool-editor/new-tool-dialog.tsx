"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { STARTER_HTML } from "@/components/components-editor/starter-html";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";
import { useCreateComponent } from "@/lib/hooks/use-components";
import { useCreateTool, type ToolKind } from "@/lib/hooks/use-tools";
import { TOOL_NAME, TOOL_NAME_RULE } from "./tool-draft";

/** The Component select's choice for "create one now, in this dialog". */
const NEW_COMPONENT = "+new";
const COMPONENT_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

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
  const createComponent = useCreateComponent(org, project);
  const [choice, setChoice] = useState(componentNames[0] ?? NEW_COMPONENT);
  // A component made by an earlier attempt of this dialog (the tool then failed): not made twice.
  const [madeComponent, setMadeComponent] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string; component?: string; newComponent?: string; form?: string }>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const newComponent = String(data.get("newComponent") ?? "").trim() || name;
    const component = choice === NEW_COMPONENT ? newComponent : choice;
    const invalid: typeof errors = {};
    if (!TOOL_NAME.test(name)) invalid.name = `Tool name ${TOOL_NAME_RULE}`;
    if (kind === "ui" && !component) invalid.component = "Choose the component this tool renders";
    if (kind === "ui" && choice === NEW_COMPONENT && !COMPONENT_NAME.test(newComponent))
      invalid.newComponent = "Component name must be lowercase letters, digits, _ or -, starting with a letter";
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return;
    if (kind === "ui" && choice === NEW_COMPONENT && madeComponent !== component) {
      try {
        await createComponent.mutateAsync({ name: component, kind: "html", html: STARTER_HTML, csp: {} });
        setMadeComponent(component);
      } catch (error) {
        setErrors({ newComponent: `Component: ${errorMessage(error)}` });
        return;
      }
    }
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
            <Select {...control} value={choice} onChange={(event) => setChoice(event.target.value)}>
              {componentNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value={NEW_COMPONENT}>New component…</option>
            </Select>
          )}
        </Field>
      )}
      {kind === "ui" && choice === NEW_COMPONENT && (
        <Field
          label="New component name"
          hint="Created with this tool, from a starter HTML document you can edit on the Components page. Empty: the tool's name."
          error={errors.newComponent}
        >
          {(control) => (
            <Input
              {...control}
              name="newComponent"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder="weather-card"
            />
          )}
        </Field>
      )}
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={createTool.isPending || createComponent.isPending}>
          {kind === "ui" && choice === NEW_COMPONENT ? "Create tool and component" : "Create tool"}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** "New data tool" / "New UI tool" and its dialog. A UI Tool renders a component: an existing one, or one created with it. */
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
        <NewToolForm org={org} project={project} kind={kind} componentNames={componentNames} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
