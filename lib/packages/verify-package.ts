// Verifying a package offline: its manifest bytes, its signature and the organization's public
// key, the three things the API lets anyone download. Used by `npm run verify-package` and the
// tests; it needs no database and no configuration, so it runs on any machine with the repo.
import { readFile } from "node:fs/promises";
import type { KeyObject } from "node:crypto";
import { parseManifest } from "./manifest";
import { manifestDigest, parsePublicKey, publicKeyId, verifyManifestSignature, type Ed25519PublicJwk } from "./package-crypto";

export type VerifyResult =
  | { ok: true; digest: string; version: string; project: string; keyId: string }
  | { ok: false; digest: string; reason: string };

export function verifyPackage(options: { manifest: string | Uint8Array; signature: string; publicKey: KeyObject }): VerifyResult {
  const digest = manifestDigest(options.manifest);
  const keyId = publicKeyId(options.publicKey);
  if (!verifyManifestSignature(options.manifest, options.signature, options.publicKey)) {
    const claimed = claimedKeyId(options.manifest);
    const reason =
      claimed && claimed !== keyId
        ? `the manifest was signed with key ${claimed}, not with the given key ${keyId}`
        : "the signature does not match the manifest bytes and this public key (the manifest or the signature was changed)";
    return { ok: false, digest, reason };
  }
  try {
    const manifest = parseManifest(Buffer.from(options.manifest).toString("utf8"));
    return { ok: true, digest, version: manifest.version, project: `${manifest.organization.slug}/${manifest.project.slug}`, keyId };
  } catch (error) {
    return { ok: false, digest, reason: `the signature is valid but the file is not a package manifest: ${(error as Error).message}` };
  }
}

/**
 * The public key from a PEM file, or from an organization's signing-key URL
 * (`…/app/v1/organizations/{org}/signing-key`, which answers `{ publicKeyPem, publicKeyJwk, … }`).
 */
export async function loadPublicKey(source: string, fetchImpl: typeof fetch = fetch): Promise<KeyObject> {
  if (!/^https?:\/\//i.test(source)) return parsePublicKey(await readFile(source, "utf8"));
  const response = await fetchImpl(source, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${source} answered HTTP ${response.status}`);
  const body = (await response.json()) as { publicKeyPem?: string; publicKeyJwk?: Ed25519PublicJwk };
  if (body.publicKeyPem) return parsePublicKey(body.publicKeyPem);
  if (body.publicKeyJwk) return parsePublicKey(body.publicKeyJwk);
  throw new Error(`${source} did not answer with a public key`);
}

/** What the verify script does: read the two files, load the key, verify. */
export async function verifyPackageFiles(options: {
  manifestPath: string;
  signaturePath: string;
  publicKey: string;
}): Promise<VerifyResult> {
  const [manifest, signature, publicKey] = await Promise.all([
    readFile(options.manifestPath),
    readFile(options.signaturePath, "utf8"),
    loadPublicKey(options.publicKey),
  ]);
  return verifyPackage({ manifest, signature, publicKey });
}

// Only to explain a failure better; an unsigned claim is never trusted for anything else.
function claimedKeyId(manifest: string | Uint8Array): string | null {
  try {
    const parsed = JSON.parse(Buffer.from(manifest).toString("utf8")) as { signingKeyId?: unknown };
    return typeof parsed.signingKeyId === "string" ? parsed.signingKeyId : null;
  } catch {
    return null;
  }
}
