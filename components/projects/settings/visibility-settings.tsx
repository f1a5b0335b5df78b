"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { Project } from "@/lib/hooks/api-types";
import { useUpdateProjectSettings } from "@/lib/hooks/use-project-settings";

type Visibility = Project["visibility"];

const OPTIONS: Array<{ value: Visibility; label: string; summary: string }> = [
  {
    value: "private",
    label: "Private",
    summary: "Production accepts only production access tokens and OAuth grants of this organization's members.",
  },
  {
    value: "public",
    label: "Public",
    summary: "Anyone with the URL can list and call production tools without signing in, rate-limited per IP.",
  },
];

/** What changing to `target` does, said before it happens. */
function Consequence({ target, productionUrl }: { target: Visibility; productionUrl: string }) {
  if (target === "public") {
    return (
      <div className="space-y-3 text-sm">
        <p>
          Anyone who has <span className="font-mono text-xs break-all">{productionUrl}</span> can list and call this project&apos;s
          production tools anonymously, from the next request on. Anonymous calls are rate-limited per IP address and recorded as
          executions.
        </p>
        <p className="text-muted">The draft endpoint stays private. Tools that use secrets run them for anonymous callers too.</p>
      </div>
    );
  }
  return (
    <p className="text-sm">
      Anonymous calls to production get 401 from the next request on. Hosts connected with a production access token or an OAuth grant keep
      working.
    </p>
  );
}

/** Settings → General → MCP server: Visibility (Private / Public), each change confirmed first. */
export function VisibilitySettings({
  org,
  project,
  productionUrl,
  canChange,
}: {
  org: string;
  project: { slug: string; visibility: Visibility; productionVersion: string | null };
  productionUrl: string;
  canChange: boolean;
}) {
  const router = useRouter();
  const toast = useToast();
  const update = useUpdateProjectSettings(org, project.slug);
  const [target, setTarget] = useState<Visibility | null>(null);
  const hintId = useId();

  async function confirm() {
    if (!target) return;
    await update.mutateAsync({ visibility: target });
    setTarget(null);
    toast(target === "public" ? "The project is public" : "The project is private");
    router.refresh();
  }

  return (
    <Section
      title="MCP server"
      description="Who may call the production endpoint. Changes apply from the next request, without republishing."
    >
      <fieldset aria-describedby={hintId}>
        <legend className="mb-2 text-sm font-medium">Visibility</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {OPTIONS.map((option) => {
            const checked = project.visibility === option.value;
            return (
              <label
                key={option.value}
                className={cn(
                  "flex gap-3 rounded-lg border p-4 text-sm transition-colors",
                  checked ? "border-accent bg-accent-soft/40" : "border-line",
                  canChange ? "cursor-pointer hover:border-line-strong" : "cursor-not-allowed opacity-70",
                )}
              >
                <input
                  type="radio"
                  name="visibility"
                  value={option.value}
                  checked={checked}
                  disabled={!canChange}
                  onChange={() => setTarget(option.value)}
                  className="mt-0.5 size-4 shrink-0 accent-accent"
                />
                <span className="space-y-1">
                  <span className="block font-medium">{option.label}</span>
                  <span className="block text-muted">{option.summary}</span>
                </span>
              </label>
            );
          })}
        </div>
        <p id={hintId} className="mt-2 text-xs text-muted">
          {canChange ? "The draft endpoint is always private." : "Only Owners, Admins and this project's owners can change the visibility."}
        </p>
      </fieldset>
      {project.visibility === "public" && !project.productionVersion && (
        <Alert tone="info">
          Nothing is published yet: anonymous callers get a &ldquo;publish first&rdquo; answer until the first publish.
        </Alert>
      )}
      <ConfirmDialog
        open={target !== null}
        onOpenChange={(open) => !open && setTarget(null)}
        title={target === "public" ? "Make this project public?" : "Make this project private?"}
        confirmLabel={target === "public" ? "Make public" : "Make private"}
        tone={target === "public" ? "danger" : "primary"}
        pending={update.isPending}
        onConfirm={confirm}
        errorTitle="Visibility not changed"
      >
        {target && <Consequence target={target} productionUrl={productionUrl} />}
      </ConfirmDialog>
    </Section>
  );
}
