"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useKillSwitch, type KillSwitchResult } from "@/lib/hooks/use-project-settings";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function resultMessage(result: KillSwitchResult, revokeCredentials: boolean) {
  const base = "Public access disabled";
  if (!revokeCredentials) return base;
  const { productionTokens, oauthGrants } = result.revoked;
  return `${base}; revoked ${plural(productionTokens, "production token")} and ${plural(oauthGrants, "OAuth grant")}`;
}

/**
 * The kill switch (Owners and Admins): private at once for every instance, and optionally every
 * credential of the project revoked. Usable on a private project too, to revoke credentials.
 */
export function KillSwitch({ org, project, canUse }: { org: string; project: { slug: string; visibility: string }; canUse: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const killSwitch = useKillSwitch(org, project.slug);
  const [revokeCredentials, setRevokeCredentials] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const checkboxHint = useId();

  async function confirm() {
    const result = await killSwitch.mutateAsync({ revokeCredentials });
    setConfirming(false);
    setRevokeCredentials(false);
    toast(resultMessage(result, revokeCredentials));
    router.refresh();
  }

  return (
    <Section
      tone="danger"
      title="Kill switch"
      description="For incidents: makes the project private at once. Every anonymous call to production gets 401 from its next request, on every instance."
      footer={
        <>
          <p className="text-xs text-muted">
            {canUse
              ? project.visibility === "public"
                ? "The project is public now."
                : "The project is already private."
              : "Only Owners and Admins can use the kill switch."}
          </p>
          <Button variant="danger" size="sm" disabled={!canUse} onClick={() => setConfirming(true)}>
            Disable public access
          </Button>
        </>
      }
    >
      <label
        className={
          canUse ? "flex cursor-pointer items-start gap-3 text-sm" : "flex cursor-not-allowed items-start gap-3 text-sm opacity-70"
        }
      >
        <input
          type="checkbox"
          className="mt-0.5 size-4 shrink-0 accent-danger"
          checked={revokeCredentials}
          disabled={!canUse}
          aria-describedby={checkboxHint}
          onChange={(event) => setRevokeCredentials(event.target.checked)}
        />
        <span>
          <span className="block font-medium">Also revoke all OAuth grants and production tokens</span>
          <span id={checkboxHint} className="block text-muted">
            Every connected host is cut off, including members&apos; own; they must authorize again or get a new token.
          </span>
        </span>
      </label>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Disable public access now?"
        confirmLabel={revokeCredentials ? "Disable and revoke" : "Disable public access"}
        pending={killSwitch.isPending}
        onConfirm={confirm}
        errorTitle="Public access was not disabled"
      >
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>The project becomes private; anonymous production calls get 401.</li>
          {revokeCredentials ? (
            <li className="font-medium text-danger">Every OAuth grant and production token of this project is revoked, for good.</li>
          ) : (
            <li>Production access tokens and OAuth grants keep working.</li>
          )}
          <li>It is recorded in the organization audit log.</li>
        </ul>
      </ConfirmDialog>
    </Section>
  );
}
