// npm run verify-package -- <manifest.json> <signature-file> <public-key.pem | https://…/app/v1/organizations/{org}/signing-key>
// Checks a downloaded package offline: prints OK with its version and digest, or FAILED and exits 1.
import { verifyPackageFiles } from "../lib/packages/verify-package";

const [manifestPath, signaturePath, publicKey] = process.argv.slice(2);
if (!manifestPath || !signaturePath || !publicKey) {
  console.error("Usage: npm run verify-package -- <manifest.json> <signature-file> <public-key.pem | signing-key URL>");
  process.exit(2);
}

try {
  const result = await verifyPackageFiles({ manifestPath, signaturePath, publicKey });
  if (result.ok) {
    console.log(`OK ${result.project} ${result.version}\n  digest ${result.digest}\n  signed by key ${result.keyId}`);
  } else {
    console.log(`FAILED: ${result.reason}\n  digest ${result.digest}`);
    process.exit(1);
  }
} catch (error) {
  console.log(`FAILED: ${(error as Error).message}`);
  process.exit(1);
}
