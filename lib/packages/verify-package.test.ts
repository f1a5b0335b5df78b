import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FORMAT, serializeManifest, type PackageManifest } from "./manifest";
import { manifestDigest, publicKeyId, publicKeyJwk, signManifest } from "./package-crypto";
import { loadPublicKey, verifyPackage, verifyPackageFiles } from "./verify-package";

const organizationKey = generateKeyPairSync("ed25519");
const otherOrganizationKey = generateKeyPairSync("ed25519");

const manifestText = serializeManifest({
  format: MANIFEST_FORMAT,
  organization: { id: "org_1", slug: "acme" },
  project: { id: "prj_1", slug: "shop" },
  version: "1.2.0",
  changelog: "Adds quote_price",
  author: { id: "usr_1", name: "Ada" },
  createdAt: "2026-11-21T10:00:00.000Z",
  signingKeyId: publicKeyId(organizationKey.publicKey),
  tools: [],
  components: [],
} satisfies PackageManifest);
const signature = signManifest(manifestText, organizationKey.privateKey);

function withOneByteChanged(text: string): Buffer {
  const bytes = Buffer.from(text);
  const index = text.indexOf("1.2.0") + 2; // "1.2.0" → "1.3.0"
  bytes[index] = bytes[index] + 1;
  return bytes;
}

describe("verifyPackage", () => {
  it("accepts the manifest it was signed over, reporting version, project, digest and key id", () => {
    expect(verifyPackage({ manifest: manifestText, signature, publicKey: organizationKey.publicKey })).toEqual({
      ok: true,
      version: "1.2.0",
      project: "acme/shop",
      digest: manifestDigest(manifestText),
      keyId: publicKeyId(organizationKey.publicKey),
    });
    expect(manifestDigest(manifestText)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("refuses a manifest with one changed byte", () => {
    const changed = withOneByteChanged(manifestText);
    expect(changed.toString()).toContain('"version":"1.3.0"');
    const result = verifyPackage({ manifest: changed, signature, publicKey: organizationKey.publicKey });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("does not match") });
    expect(result.digest).not.toBe(manifestDigest(manifestText));
  });

  it("refuses a manifest that only gained whitespace (the bytes are what is signed)", () => {
    const pretty = JSON.stringify(JSON.parse(manifestText), null, 2);
    expect(verifyPackage({ manifest: pretty, signature, publicKey: organizationKey.publicKey }).ok).toBe(false);
  });

  it("refuses the key of another organization, naming both keys", () => {
    const result = verifyPackage({ manifest: manifestText, signature, publicKey: otherOrganizationKey.publicKey });
    expect(result).toEqual({
      ok: false,
      digest: manifestDigest(manifestText),
      reason: `the manifest was signed with key ${publicKeyId(organizationKey.publicKey)}, not with the given key ${publicKeyId(otherOrganizationKey.publicKey)}`,
    });
  });

  it("refuses a signature of another manifest and a malformed signature", () => {
    const otherSignature = signManifest(`${manifestText} `, organizationKey.privateKey);
    expect(verifyPackage({ manifest: manifestText, signature: otherSignature, publicKey: organizationKey.publicKey }).ok).toBe(false);
    expect(verifyPackage({ manifest: manifestText, signature: "bm90IGEgc2lnbmF0dXJl", publicKey: organizationKey.publicKey }).ok).toBe(
      false,
    );
  });

  it("refuses a validly signed file that is not a package manifest", () => {
    const text = '{"hello":"world"}';
    const result = verifyPackage({
      manifest: text,
      signature: signManifest(text, organizationKey.privateKey),
      publicKey: organizationKey.publicKey,
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("not a package manifest") });
  });
});

describe("verifyPackageFiles (the verify script)", () => {
  async function files(manifest: string | Buffer, key = organizationKey.publicKey) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-verify-"));
    const paths = {
      manifestPath: path.join(dir, "manifest.json"),
      signaturePath: path.join(dir, "manifest.sig"),
      publicKey: path.join(dir, "key.pem"),
    };
    await writeFile(paths.manifestPath, manifest);
    await writeFile(paths.signaturePath, `${signature}\n`); // a trailing newline, as editors and curl -o leave it
    await writeFile(paths.publicKey, key.export({ format: "pem", type: "spki" }));
    return paths;
  }

  it("verifies downloaded files with a PEM public key", async () => {
    expect(await verifyPackageFiles(await files(manifestText))).toMatchObject({ ok: true, version: "1.2.0" });
  });

  it("fails for one changed byte and for another organization's key", async () => {
    expect((await verifyPackageFiles(await files(withOneByteChanged(manifestText)))).ok).toBe(false);
    expect((await verifyPackageFiles(await files(manifestText, otherOrganizationKey.publicKey))).ok).toBe(false);
  });

  it("loads the public key from a signing-key URL answer (PEM or JWK) and refuses non-Ed25519 keys", async () => {
    const pem = String(organizationKey.publicKey.export({ format: "pem", type: "spki" }));
    const answer = (body: unknown) => (async () => Response.json(body)) as unknown as typeof fetch;
    const fromPem = await loadPublicKey("https://studio.example/app/v1/organizations/acme/signing-key", answer({ publicKeyPem: pem }));
    expect(publicKeyId(fromPem)).toBe(publicKeyId(organizationKey.publicKey));
    const fromJwk = await loadPublicKey("https://studio.example/k", answer({ publicKeyJwk: publicKeyJwk(organizationKey.publicKey) }));
    expect(publicKeyId(fromJwk)).toBe(publicKeyId(organizationKey.publicKey));
    const notFound = (async () => new Response("{}", { status: 404 })) as unknown as typeof fetch;
    await expect(loadPublicKey("https://studio.example/k", notFound)).rejects.toThrow("answered HTTP 404");
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "pem", type: "spki" });
    await expect(loadPublicKey("https://studio.example/k", answer({ publicKeyPem: rsa }))).rejects.toThrow("not Ed25519");
  });
});
