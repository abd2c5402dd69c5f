import { defineConfig } from "prisma/config";

// The URL is only needed by Prisma's own CLI commands (migrate deploy where the schema engine exists);
// the app builds its client from lib/db, which starts embedded Postgres when DATABASE_URL is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/triangulate" },
});
