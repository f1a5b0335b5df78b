"use client";

// "Discard changes": puts the draft back as production pins it — this tool only, or everything —
// after listing exactly what will be lost.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { type DraftChanges, type NameChanges, useDiscardDraftChanges, useDraftChanges } from "@/lib/hooks/use-draft-changes";

type Scope = "tool" | "all";

const pick = (changes: NameChanges, name: string | null): NameChanges =>
  name === null
    ? changes
    : {
        added: changes.added.filter((n) => n === name),
        modified: changes.modified.filter((n) => n === name),
        removed: changes.removed.filter((n) => n === name),
      };
const NO_CHANGES: NameChanges = { added: [], modified: [], removed: [] };
const isEmpty = (changes: NameChanges) => changes.added.length + changes.modified.length + changes.removed.length === 0;
const isEverythingEmpty = (changes: Selected) => [changes.tools, changes.components, changes.prompts, changes.resources].every(isEmpty);

type Selected = Pick<DraftChanges, "tools" | "components" | "prompts" | "resources">;

function Losses({ changes, version }: { changes: Selected; version: string }) {
  const lines = [
    ...changes.tools.modified.map((name) => ({ name, kind: "Tool", what: `your changes since ${version} are lost` })),
    ...changes.tools.added.map((name) => ({ name, kind: "Tool", what: `not in ${version}: deleted, with its secrets` })),
    ...changes.tools.removed.map((name) => ({ name, kind: "Tool", what: `deleted since ${version}: restored, without secrets` })),
    ...changes.components.modified.map((name) => ({ name, kind: "Component", what: `your changes since ${version} are lost` })),
    ...changes.components.added.map((name) => ({ name, kind: "Component", what: `not in ${version}: deleted` })),
    ...changes.components.removed.map((name) => ({ name, kind: "Component", what: `deleted since ${version}: restored` })),
    ...(["prompts", "resources"] as const).flatMap((key) => {
      const kind = key === "prompts" ? "Prompt" : "Resource";
      return [
        ...changes[key].modified.map((name) => ({ name, kind, what: `your changes since ${version} are lost` })),
        ...changes[key].added.map((name) => ({ name, kind, what: `not in ${version}: deleted` })),
        ...changes[key].removed.map((name) => ({ name, kind, what: `deleted since ${version}: restored` })),
      ];
    }),
  ];
  return (
    <ul aria-label="What will be lost" className="space-y-1.5 rounded-lg border border-line bg-subtle p-3 text-sm">
      {lines.map((line) => (
        <li key={`${line.kind}:${line.name}`}>
          {line.kind} <span className="font-mono font-medium">{line.name}</span>: {line.what}
        </li>
      ))}
    </ul>
  );
}

function Body({
  changes,
  toolName,
  scope,
  onScope,
}: {
  changes: DraftChanges;
  toolName: string | null;
  scope: Scope;
  onScope: (scope: Scope) => void;
}) {
  if (!changes.productionVersion) {
    return <Alert tone="info">This project has never been published: there is no production version to go back to.</Alert>;
  }
  const selected: Selected =
    scope === "tool" && toolName
      ? { tools: pick(changes.tools, toolName), components: NO_CHANGES, prompts: NO_CHANGES, resources: NO_CHANGES }
      : changes;
  const toolUnchanged = toolName !== null && isEmpty(pick(changes.tools, toolName));
  return (
    <div className="space-y-4">
      {toolName && (
        <fieldset className="space-y-1.5 text-sm">
          <legend className="mb-1 font-medium">Discard</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="discard-scope" checked={scope === "tool"} onChange={() => onScope("tool")} />
            Only the changes to <span className="font-mono">{toolName}</span>
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="discard-scope" checked={scope === "all"} onChange={() => onScope("all")} />
            All changes in the draft
          </label>
        </fieldset>
      )}
      {isEverythingEmpty(selected) ? (
        <Alert tone="info">
          {scope === "tool" && toolUnchanged ? `${toolName} is` : "The draft is"} the same as production {changes.productionVersion}:
          nothing to discard.
        </Alert>
      ) : (
        <Losses changes={selected} version={changes.productionVersion} />
      )}
    </div>
  );
}

export function DiscardChangesDialog({
  org,
  project,
  toolName = null,
  hasUnsavedEdits = false,
  onDiscarded,
}: {
  org: string;
  project: string;
  /** Offers "only this tool" besides everything. */
  toolName?: string | null;
  hasUnsavedEdits?: boolean;
  onDiscarded: () => void | Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<Scope>(toolName ? "tool" : "all");
  const changes = useDraftChanges(org, project, { enabled: open });
  const discard = useDiscardDraftChanges(org, project);
  const data = changes.data;
  const nothingToDiscard =
    !data?.productionVersion ||
    changes.isFetching ||
    (scope === "tool" && toolName ? isEmpty(pick(data.tools, toolName)) : isEverythingEmpty(data));

  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Discard changes…
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) discard.reset();
        }}
        title="Discard changes?"
        description="The draft goes back to what production serves. This cannot be undone."
      >
        {changes.isPending ? (
          <p className="flex items-center gap-2 text-sm text-muted">
            <Spinner /> Comparing the draft with production…
          </p>
        ) : changes.isError ? (
          <Alert tone="danger">{errorMessage(changes.error)}</Alert>
        ) : (
          <div className="space-y-3">
            <Body changes={changes.data} toolName={toolName} scope={scope} onScope={setScope} />
            {hasUnsavedEdits && !nothingToDiscard && <Alert tone="warning">Your unsaved edits in this editor are lost too.</Alert>}
          </div>
        )}
        {discard.isError && (
          <Alert tone="danger" title="Nothing was discarded" className="mt-4">
            {errorMessage(discard.error)}
          </Alert>
        )}
        <DialogFooter>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="danger"
            disabled={nothingToDiscard}
            loading={discard.isPending}
            onClick={() =>
              // A failure stays in the dialog (discard.error) until it closes.
              discard.mutate(scope === "tool" && toolName ? { tool: toolName } : {}, {
                onSuccess: () => {
                  setOpen(false);
                  void onDiscarded();
                },
              })
            }
          >
            Discard changes
          </Button>
        </DialogFooter>
      </Dialog>
    </>
  );
}
