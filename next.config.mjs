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
  reactStrictMode: true,
};

export default nextConfig;
