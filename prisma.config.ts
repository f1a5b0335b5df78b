// Prisma CLI configuration. Only `prisma generate` is run through the CLI here:
// migrations are applied and created by scripts/db-*.ts through Prisma's
// WebAssembly schema engine, because the native engine cannot be downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
