import { Alert } from "@/components/ui/alert";
import { CopyField } from "@/components/ui/copy-button";

/** A just-created token's value: the only time anyone sees it. */
export function NewTokenAlert({ token, copyLabel }: { token: { name: string; token: string }; copyLabel: string }) {
  return (
    <Alert tone="success" title={`Token “${token.name}” created`}>
      <p className="mb-3">Copy it now: you won’t see it again.</p>
      <CopyField label={copyLabel} value={token.token} />
    </Alert>
  );
}
