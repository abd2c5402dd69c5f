import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db/client";
import { createUser } from "../users/mutations";
import { generatePassword } from "../auth/password";
import { importSeedArticles } from "./seed-articles";

export const DEMO_USERS = [
  { email: "admin@triangulate.local", name: "Ada Admin", role: "ADMIN" as const },
  { email: "rita@triangulate.local", name: "Rita Reviewer", role: "REVIEWER" as const },
  { email: "ravi@triangulate.local", name: "Ravi Reviewer", role: "REVIEWER" as const },
];

export type DemoLogin = { email: string; role: string; password: string };

// The first run of a desk gets demo accounts and the five seed articles, so a newcomer can
// sign in and see real work at once. Later runs leave an existing desk alone.
export async function seedDemo(db: Db, opts: { loginsFile?: string | null; log?: (m: string) => void } = {}) {
  const log = opts.log ?? console.log;
  if ((await db.user.count()) > 0) {
    log("Demo data: the desk already has users; nothing seeded.");
    return null;
  }
  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    const password = generatePassword();
    await createUser(db, null, { ...u, password });
    logins.push({ email: u.email, role: u.role.toLowerCase(), password });
  }
  const imported = await importSeedArticles(db, null);
  log(`Demo data: ${logins.length} users and ${imported} seed articles.`);
  if (opts.loginsFile) {
    fs.mkdirSync(path.dirname(opts.loginsFile), { recursive: true });
    fs.writeFileSync(opts.loginsFile, formatLogins(logins) + "\n", { mode: 0o600 });
    fs.chmodSync(opts.loginsFile, 0o600);
  }
  return logins;
}

export function formatLogins(logins: DemoLogin[]): string {
  return ["Demo logins:", ...logins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(26)} ${l.password}`)].join("\n");
}
