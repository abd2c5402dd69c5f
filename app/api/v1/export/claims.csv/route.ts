import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimsCsvStream } from "@/lib/exports/data";
import { claimsCsvQuery } from "@/lib/exports/schema";

// Every claim as RFC 4180 CSV, streamed in keyset batches so a large desk never sits in memory.
export const GET = route({ role: "REVIEWER", query: claimsCsvQuery }, async ({ query }) =>
  new Response(claimsCsvStream(getDb(), query), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="claims.csv"', "cache-control": "no-store" },
  }),
);
