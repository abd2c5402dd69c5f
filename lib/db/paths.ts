import path from "node:path";
import { env } from "../env";

// One place that says where runtime state lives, so the server, the CLI and the tests agree.
export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

export function isEmbedded(): boolean {
  return !env().DATABASE_URL;
}
