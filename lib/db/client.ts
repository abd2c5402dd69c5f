import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// The one Prisma client of the app. DATABASE_URL is always set by the time this runs: `npm start`
// starts embedded Postgres and passes its URL to the Next server; the CLI does the same via lib/db/connect.
export function createPrisma(url: string) {
  // A connection lost while idle (the database restarting) is logged and dropped from the pool;
  // unhandled, it would be an "error" event that ends the process.
  const onError = (e: Error) => console.error(`[db] connection lost: ${e.message}`);
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) }, { onPoolError: onError, onConnectionError: onError }),
  });
}

export type Db = ReturnType<typeof createPrisma>;
// The client handed to a $transaction callback.
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { prisma?: Db };

export function getDb(): Db {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which starts the embedded database.");
    globalForPrisma.prisma = createPrisma(url);
  }
  return globalForPrisma.prisma;
}
