import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { env } from "../env";

// Sessions are signed with this. Embedded mode may invent one and keep it in DATA_DIR, so a
// newcomer needs no setup; a production server on its own database must be given one.
export function ensureAuthSecret(opts: { embedded: boolean; dataDir: string }): string {
  const given = env().NEXTAUTH_SECRET ?? env().AUTH_SECRET;
  if (given) return given;
  if (!opts.embedded) {
    throw new Error("NEXTAUTH_SECRET is not set. With DATABASE_URL set, give the server a secret: NEXTAUTH_SECRET=$(openssl rand -base64 32)");
  }
  const file = path.join(opts.dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
