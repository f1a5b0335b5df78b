/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native code, WebAssembly or their own file lookups run unbundled on the server.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "isolated-vm",
    "ioredis",
    "pg",
  ],
  poweredByHeader: false,
  // No page of Atelier may be framed by another site: the OAuth consent page above all (clickjacking
  // an Authorize click), but the studio too. The test panel's UI preview is a srcdoc iframe, which
  // has no response and is not affected.
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] }];
  },
  reactStrictMode: true,
};

export default nextConfig;
