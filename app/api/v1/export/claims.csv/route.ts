import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";
import { claimsCsvStream } from "@/lib/exports/data";
import { claimsCsvQuery } from "@/lib/exports/schema";

// Every claim as RFC 4180 CSV, streamed in keyset batches so a large desk never sits in memory.
export const GET = route(
  {
    role: "REVIEWER",
    query: claimsCsvQuery,
    doc: {
      tag: "Exports",
      summary: "Every claim as CSV",
      description: "RFC 4180, CRLF line ends, streamed. Text that starts with = + - @ tab or CR is prefixed with ' so spreadsheets do not run it.",
      success: { status: 200, description: "claims.csv", contentType: "text/csv", schema: { type: "string" } },
    },
  },
  async ({ query }) =>
    new Response(claimsCsvStream(getDb(), query), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="claims.csv"', "cache-control": "no-store" },
    }),
);
