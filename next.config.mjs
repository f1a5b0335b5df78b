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
    "esbuild",
  ],
  poweredByHeader: false,
  // No page of Atelier may be framed by another site: the OAuth consent page above all (clickjacking
  // an Authorize click), but the studio too. The one exception is /component-frame, the component
  // document the studio frames itself: it sends `frame-ancestors 'self'` in its own CSP instead.
  async headers() {
    return [{ source: "/((?!component-frame$).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] }];
  },
  reactStrictMode: true,
};

export default nextConfig;
