// Each organization's Ed25519 signing key: created on first use (first publish, or the first
// request for its public key), the private half encrypted at rest and decrypted only to sign.
import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { publicKeyId, publicKeyJwk, SIGNATURE_ALGORITHM, signManifest } from "./package-crypto";

// Binds the ciphertext to its organization: a row copied to another organization does not decrypt.
const associatedData = (organizationId: string) => `signing-key:${organizationId}`;

async function getOrCreateSigningKey(organizationId: string) {
  const existing = await db.signingKey.findUnique({ where: { organizationId } });
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const privateKeyPem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  // Two first publishes at once both get here: the unique organizationId keeps the first key and
  // the other insert does nothing, so both then sign with the same (stored) key.
  await db.signingKey.createMany({
    data: [
      {
        id: publicKeyId(publicKey),
        organizationId,
        publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
        privateKeyCiphertext: encryptSecret(privateKeyPem, env().encryptionKey, associatedData(organizationId)),
      },
    ],
    skipDuplicates: true,
  });
  return db.signingKey.findUniqueOrThrow({ where: { organizationId } });
}

/** The public key document served at GET /app/v1/organizations/{org}/signing-key (no auth). */
export async function getPublicSigningKey(options: { orgSlug: string }) {
  const organization = await db.organization.findUnique({ where: { slug: options.orgSlug }, select: { id: true } });
  if (!organization) throw notFound("Organization");
  const key = await getOrCreateSigningKey(organization.id);
  return {
    algorithm: SIGNATURE_ALGORITHM,
    keyId: key.id,
    publicKeyPem: key.publicKeyPem,
    publicKeyJwk: { ...publicKeyJwk(createPublicKey(key.publicKeyPem)), kid: key.id, alg: "EdDSA", use: "sig" },
  };
}

/** Decrypts the organization's private key to sign with; unscoped, for the publish path only. */
export async function unsafeLoadSigner(organizationId: string) {
  const { id } = await getOrCreateSigningKey(organizationId);
  const row = await db.signingKey.findUniqueOrThrow({ where: { id }, omit: { privateKeyCiphertext: false } });
  const privateKey = createPrivateKey(decryptSecret(row.privateKeyCiphertext, env().encryptionKey, associatedData(organizationId)));
  return { keyId: row.id, sign: (manifest: string) => signManifest(manifest, privateKey) };
}
