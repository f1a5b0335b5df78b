import { CodeSnippet } from "@/components/server-tab/code-snippet";
import { Section } from "@/components/ui/card";

/**
 * How to check a package without trusting this server: download the manifest and its signature,
 * verify them against the organization's public key (README "Verifying a package offline").
 */
export function VerifyOffline({
  manifestFile,
  signatureFile,
  manifestUrl,
  signatureUrl,
  signingKeyUrl,
}: {
  manifestFile: string;
  signatureFile: string;
  manifestUrl: string;
  signatureUrl: string;
  signingKeyUrl: string;
}) {
  const download = [
    `curl -o ${manifestFile} -H "Authorization: Bearer $ATELIER_API_TOKEN" ${manifestUrl}`,
    `curl -o ${signatureFile} -H "Authorization: Bearer $ATELIER_API_TOKEN" ${signatureUrl}`,
  ].join("\n");
  const verify = `npm run verify-package -- ${manifestFile} ${signatureFile} ${signingKeyUrl}`;
  return (
    <Section
      title="Verify offline"
      description="The manifest is the exact signed bytes; its SHA-256 is the digest. Anyone can check it against the organization's public key, which needs no sign-in."
    >
      <CodeSnippet label="1. Download (or use the links above; the API needs a personal API token)" value={download} />
      <CodeSnippet label="2. Verify, in a checkout of Atelier" value={verify} />
      <p className="text-xs text-muted">
        It prints <code className="font-mono">OK</code> with the digest, or <code className="font-mono">FAILED</code> with the reason and
        exit code 1. A saved copy of the key&apos;s <code className="font-mono">publicKeyPem</code> works in place of the URL.
      </p>
    </Section>
  );
}
