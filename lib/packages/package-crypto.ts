// The cryptography of packages, shared by the server (signing) and the verifier (offline checks):
// SHA-256 digest and Ed25519 signature over the exact canonical manifest bytes, and the key id,
// the RFC 7638 JWK thumbprint, which anyone can recompute from the public key alone.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const SIGNATURE_ALGORITHM = "Ed25519";

export type Ed25519PublicJwk = { kty: "OKP"; crv: "Ed25519"; x: string };

/** `sha256:<hex>`, self-describing like OCI digests; the hex part is what `sha256sum` prints. */
export function manifestDigest(manifest: string | Uint8Array): string {
  return `sha256:${createHash("sha256").update(manifest).digest("hex")}`;
}

export function signManifest(manifest: string | Uint8Array, privateKey: KeyObject): string {
  return sign(null, toBytes(manifest), privateKey).toString("base64");
}

export function verifyManifestSignature(manifest: string | Uint8Array, signatureBase64: string, publicKey: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64.trim(), "base64");
  // Ed25519 signatures are exactly 64 bytes; anything else is not worth handing to OpenSSL.
  if (signature.length !== 64) return false;
  return verify(null, toBytes(manifest), publicKey, signature);
}

export function publicKeyJwk(publicKey: KeyObject): Ed25519PublicJwk {
  const jwk = publicKey.export({ format: "jwk" });
  return { kty: "OKP", crv: "Ed25519", x: String(jwk.x) };
}

/** RFC 7638: base64url(SHA-256(the required JWK members, canonical JSON)). */
export function publicKeyId(publicKey: KeyObject): string {
  const { crv, kty, x } = publicKeyJwk(publicKey);
  return createHash("sha256").update(canonicalJson({ crv, kty, x })).digest("base64url");
}

/** An Ed25519 public key from PEM (SPKI) text or a JWK; anything else is refused with a reason. */
export function parsePublicKey(key: string | Ed25519PublicJwk): KeyObject {
  let parsed: KeyObject;
  try {
    parsed = typeof key === "string" ? createPublicKey(key) : createPublicKey({ key, format: "jwk" });
  } catch {
    throw new Error("The public key is not a PEM or JWK public key");
  }
  if (parsed.asymmetricKeyType !== "ed25519") throw new Error(`The public key is ${parsed.asymmetricKeyType}, not Ed25519`);
  return parsed;
}

function toBytes(value: string | Uint8Array): Buffer {
  return typeof value === "string" ? Buffer.from(value, "utf8") : Buffer.from(value);
}
