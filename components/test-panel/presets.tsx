"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useUpdateTool, type JsonObject, type ToolPreset } from "@/lib/hooks/use-tools";

function PresetNameForm({
  presets,
  onSave,
  onCancel,
  saving,
  initialName = "",
  hint,
  submitLabel,
}: {
  presets: ToolPreset[];
  onSave: (name: string) => void;
  onCancel: () => void;
  saving: boolean;
  initialName?: string;
  hint: string;
  submitLabel: string;
}) {
  const [error, setError] = useState<string | undefined>();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (!name) return setError("Preset name is required");
    if (name.length > 80) return setError("Preset name must be at most 80 characters");
    onSave(name);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label="Preset name" hint={hint} error={error}>
        {(control) => (
          <Input {...control} name="name" defaultValue={initialName} maxLength={80} autoFocus autoComplete="off" list="preset-names" />
        )}
      </Field>
      <datalist id="preset-names">
        {presets.map((preset) => (
          <option key={preset.name} value={preset.name} />
        ))}
      </datalist>
      <DialogFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" loading={saving}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Pick saved arguments, or save the current ones as a preset on the tool (saved at once, with the tool). */
export function Presets({
  org,
  project,
  toolName,
  presets,
  canSave,
  currentArguments,
  onPick,
}: {
  org: string;
  project: string;
  toolName: string;
  presets: ToolPreset[];
  canSave: boolean;
  /** The arguments to save, or an error message when they can't be read (invalid raw JSON). */
  currentArguments: () => JsonObject | string;
  onPick: (preset: ToolPreset) => void;
}) {
  const updateTool = useUpdateTool(org, project, toolName);
  const toast = useToast();
  const [selected, setSelected] = useState("");
  const [dialog, setDialog] = useState<"save" | "rename" | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = presets.find((preset) => preset.name === selected);

  function rename(name: string) {
    if (!current) return;
    if (name !== current.name && presets.some((preset) => preset.name === name)) {
      setError(`A preset named “${name}” already exists`);
      return;
    }
    const next = presets.map((preset) => (preset.name === current.name ? { ...preset, name } : preset));
    updateTool.mutate(
      { presets: next },
      {
        onSuccess: () => {
          setDialog(null);
          setSelected(name);
          toast(`Preset renamed to “${name}”`);
        },
        onError: (caught) => setError(errorMessage(caught)),
      },
    );
  }

  async function remove() {
    if (!current) return;
    await updateTool.mutateAsync({ presets: presets.filter((preset) => preset.name !== current.name) });
    setDeleting(false);
    setSelected("");
    toast(`Preset “${current.name}” deleted`);
  }

  function save(name: string) {
    const args = currentArguments();
    if (typeof args === "string") {
      setError(args);
      return;
    }
    const next = [...presets.filter((preset) => preset.name !== name), { name, arguments: args }];
    updateTool.mutate(
      { presets: next },
      {
        onSuccess: () => {
          setDialog(null);
          setSelected(name);
          toast(`Preset “${name}” saved`);
        },
        onError: (caught) => setError(errorMessage(caught)),
      },
    );
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1 space-y-1.5">
        <label htmlFor={`${toolName}-preset`} className="block text-sm font-medium">
          Preset
        </label>
        <Select
          id={`${toolName}-preset`}
          value={selected}
          disabled={presets.length === 0}
          onChange={(event) => {
            setSelected(event.target.value);
            const preset = presets.find((item) => item.name === event.target.value);
            if (preset) onPick(preset);
          }}
        >
          <option value="">{presets.length === 0 ? "No presets yet" : "Choose a preset…"}</option>
          {presets.map((preset) => (
            <option key={preset.name} value={preset.name}>
              {preset.name}
            </option>
          ))}
        </Select>
      </div>
      {canSave && (
        <Button
          onClick={() => {
            setError(null);
            setDialog("save");
          }}
        >
          Save as preset
        </Button>
      )}
      {canSave && current && (
        <div className="flex gap-2">
          <Button
            aria-label={`Rename preset ${current.name}`}
            onClick={() => {
              setError(null);
              setDialog("rename");
            }}
          >
            Rename
          </Button>
          <Button aria-label={`Delete preset ${current.name}`} onClick={() => setDeleting(true)}>
            Delete
          </Button>
        </div>
      )}
      <Dialog
        open={dialog !== null}
        onOpenChange={(open) => setDialog(open ? dialog : null)}
        title={dialog === "rename" ? "Rename preset" : "Save as preset"}
        description={
          dialog === "rename"
            ? "Renames the preset for everyone in the project."
            : "Saves the current arguments on the tool, for everyone in the project."
        }
      >
        {error && (
          <Alert tone="danger" className="mb-4">
            {error}
          </Alert>
        )}
        {dialog === "rename" && current ? (
          <PresetNameForm
            presets={presets}
            initialName={current.name}
            hint="Its arguments stay as they are."
            submitLabel="Rename preset"
            onSave={rename}
            onCancel={() => setDialog(null)}
            saving={updateTool.isPending}
          />
        ) : (
          <PresetNameForm
            presets={presets}
            hint="Saving under an existing name replaces that preset."
            submitLabel="Save preset"
            onSave={save}
            onCancel={() => setDialog(null)}
            saving={updateTool.isPending}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete preset “${current?.name ?? ""}”?`}
        description="It is removed from the tool for everyone in the project."
        confirmLabel="Delete preset"
        pending={updateTool.isPending}
        onConfirm={remove}
      />
    </div>
  );
}
