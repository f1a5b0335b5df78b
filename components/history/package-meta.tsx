import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";

/** `sha256:1f2e…9a0b`: enough to recognise a digest; the copy button copies all of it. */
export function shortDigest(digest: string) {
  const [algorithm, hex = ""] = digest.split(":");
  return hex.length > 16 ? `${algorithm}:${hex.slice(0, 12)}…${hex.slice(-4)}` : digest;
}

export function DigestWithCopy({ digest }: { digest: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <code className="font-mono text-[12.5px]" title={digest}>
        {shortDigest(digest)}
      </code>
      <CopyButton value={digest} label="Copy digest" />
    </span>
  );
}

export function PackageBadges({ isProduction }: { isProduction: boolean }) {
  return (
    <>
      {isProduction && <Badge tone="success">Production</Badge>}
      <span title="The manifest is signed with the organization's Ed25519 key" className="inline-flex">
        <Badge>Signed (Ed25519)</Badge>
      </span>
    </>
  );
}
