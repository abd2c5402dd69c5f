import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbedded, ensureDatabase } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";

// One embedded Postgres for the whole run; every test file clones a fresh database from the
// migrated template (tests/db.ts), which costs milliseconds instead of a migration per file.
export const TEMPLATE_DB = "triangulate_template";

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "triangulate-test-"));
  const pg = await startEmbedded(dir, { database: "postgres" });
  await ensureDatabase(pg.url("postgres"), TEMPLATE_DB);
  await migrate(pg.url(TEMPLATE_DB));
  project.provide("pgAdminUrl", pg.url("postgres"));
  project.provide("pgTemplateUrl", pg.url(TEMPLATE_DB));
  return async () => {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateUrl: string;
  }
}
