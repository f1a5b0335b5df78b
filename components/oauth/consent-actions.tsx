"use client";

import { useEffect, useState } from "react";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { signOutTo } from "@/components/auth/sign-out";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/**
 * Authorize / Deny. Plain form POSTs to the authorization endpoint (they work before hydration),
 * one form per decision so the decision travels in a hidden field. Authorize comes first in the
 * DOM and has focus, so Enter authorizes; on wider screens it sits on the right. A page shown
 * inside a frame refuses to act (clickjacking).
 */
export function ConsentActions({ consentRequest, clientName }: { consentRequest: string; clientName: string }) {
  const [submitted, setSubmitted] = useState<"approve" | "deny" | null>(null);
  const [framed, setFramed] = useState(false);
  useEffect(() => setFramed(window.top !== window.self), []);

  if (framed)
    return <Alert tone="danger">This page can’t be used inside another site. Open it in its own tab to authorize {clientName}.</Alert>;

  const form = (decision: "approve" | "deny", label: string, variant: "primary" | "secondary") => (
    <form
      method="post"
      action="/oauth/authorize"
      className="flex-1"
      onSubmit={(event) => {
        if (submitted) event.preventDefault();
        else setSubmitted(decision);
      }}
    >
      <input type="hidden" name="consent_request" value={consentRequest} />
      <input type="hidden" name="decision" value={decision} />
      <button
        type="submit"
        // biome-ignore lint/a11y/noAutofocus: the consent page has one decision to make; focus starts on it.
        autoFocus={decision === "approve"}
        aria-busy={submitted === decision || undefined}
        className={buttonClasses(variant, "md", "w-full")}
      >
        {submitted === decision && <Spinner className="size-3.5" />}
        {label}
      </button>
    </form>
  );

  return (
    <div className="flex flex-col gap-3 sm:flex-row-reverse">
      {form("approve", "Authorize", "primary")}
      {form("deny", "Deny", "secondary")}
    </div>
  );
}

/** Signs out, then starts the same authorization again through sign-in, as another account. */
export function SwitchAccountLink({ restartPath }: { restartPath: string }) {
  return (
    <button
      type="button"
      className="font-medium text-accent-fg hover:underline"
      onClick={() => signOutTo(withCallbackUrl("/sign-in", restartPath))}
    >
      Use another account
    </button>
  );
}
