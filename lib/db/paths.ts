import path from "node:path";

// One place that says where runtime state lives, so the server, the CLI and the tests agree.
export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || ".data");
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}
