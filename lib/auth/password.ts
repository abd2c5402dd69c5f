import { hash, verify } from "@node-rs/argon2";
import crypto from "node:crypto";

// argon2id with the OWASP 2024 minimum (19 MiB, 2 passes): slow for attackers, ~20 ms for us.
const OPTIONS = { algorithm: 2 /* Argon2id; the enum is ambient const */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// A hash of nothing, verified against when the email is unknown, so both failures take as long.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(crypto.randomBytes(16).toString("hex")));
}

// Readable, typeable, and ~95 bits: four groups of five from an alphabet without look-alikes.
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[crypto.randomInt(alphabet.length)]).join(""));
  return groups.join("-");
}
