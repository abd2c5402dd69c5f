import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "../env";

// The one Prisma client of the app. A database URL is always known by the time this runs: `npm start`
// starts embedded Postgres and passes its URL to the Next server as DATABASE_URL; the CLI gets it
// from lib/db/connect, which calls useDatabaseUrl.
// The URL each client was made for, so that statements run through lib/db/sql reach the same database.
const urls = new WeakMap<object, string>();
/** The database URL a client of createPrisma was made for. */
export function urlOf(db: object): string {
  const url = urls.get(db);
  if (!url) throw new Error("This database client was not made by createPrisma.");
  return url;
}

export function createPrisma(url: string) {
  // A connection lost while idle (the database restarting) is logged and dropped from the pool;
  // unhandled, it would be an "error" event that ends the process.
  const onError = (e: Error) => console.error(`[db] connection lost: ${e.message}`);
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: env().DB_POOL_SIZE }, { onPoolError: onError, onConnectionError: onError }),
  });
  urls.set(db, url);
  return db;
}

export type Db = ReturnType<typeof createPrisma>;
// The client handed to a $transaction callback.
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: Db; databaseUrl?: string };

/** The database this process uses: the one connectDatabase (or a test) chose, else DATABASE_URL. */
export function databaseUrl(): string | undefined {
  return globalForPrisma.databaseUrl ?? env().DATABASE_URL;
}

export function useDatabaseUrl(url: string) {
  globalForPrisma.databaseUrl = url;
}

export function getDb(): Db {
  if (!globalForPrisma.prisma) {
    const url = databaseUrl();
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which starts the embedded database.");
    globalForPrisma.prisma = createPrisma(url);
  }
  return globalForPrisma.prisma;
}
