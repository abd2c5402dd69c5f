import { startEmbedded, type EmbeddedHandle } from "./embedded";
import { dataDir } from "./paths";

// For processes outside the Next server (CLI, start script): use DATABASE_URL when set, otherwise
// the embedded server in DATA_DIR, starting it only when no other process already runs it.
export async function connectDatabase(log?: (m: string) => void, opts: { supervise?: boolean } = {}): Promise<{ url: string; embedded: EmbeddedHandle | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const embedded = await startEmbedded(dataDir(), { log, supervise: opts.supervise });
  const url = embedded.url();
  process.env.DATABASE_URL = url;
  return { url, embedded };
}
