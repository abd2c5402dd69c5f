import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../test/db";
import { userWithToken } from "../test/factories";
import { parseCsv } from "../match/csv";
import type { Db } from "../db/client";
import { claimsCsvStream, annotationsStream, reviewedClaim, claimReviewStream } from "./data";
import { seedReviewedDesk } from "./test-desk";

let db: Db;
let desk: Awaited<ReturnType<typeof seedReviewedDesk>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const reviewer = await userWithToken(db, "REVIEWER");
  desk = await seedReviewedDesk(db, reviewer.user.id);
});

async function readAll(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const chunks: string[] = [];
  const dec = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return chunks;
    chunks.push(dec.decode(value));
  }
}

describe("streamed exports", () => {
  it("read the claims in keyset batches, one batch per chunk, only as the reader asks", async () => {
    const reader = claimsCsvStream(db, {}, 2).getReader();
    const header = new TextDecoder().decode((await reader.read()).value);
    expect(header).toMatch(/^claim_id,/);
    // Written after the first chunk was read: a stream that had read everything up front would miss it.
    const text = "A late claim arrived after the export had started, officials said.";
    const late = await db.claim.create({ data: { id: "ffffffff-ffff-4fff-bfff-ffffffffffff", articleId: desk.articles.a.id, text, start: 0, end: 1 } });
    const rest: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest.push(new TextDecoder().decode(value));
    }
    const total = await db.claim.count();
    expect(rest).toHaveLength(Math.ceil(total / 2));
    const rows = parseCsv(header + rest.join(""));
    expect(rows).toHaveLength(total + 1);
    expect(rows[rows.length - 1][0]).toBe(late.id);
    const ids = rows.slice(1).map((r) => r[0]);
    expect(ids).toEqual([...ids].sort());
    await db.claim.delete({ where: { id: late.id } });
  });

  it("stream annotations and ClaimReviews as valid JSON across batch edges", async () => {
    const annos = JSON.parse((await readAll(annotationsStream(db, "https://desk.example", 1))).join(""));
    expect(annos).toHaveLength(2);
    const ctx = { siteUrl: "https://desk.example", organisation: { name: "Desk", url: null } };
    const graph = JSON.parse((await readAll(await claimReviewStream(db, {}, ctx, 1))).join(""));
    expect(graph["@graph"]).toHaveLength(3);
    expect(graph["@graph"][0].author).toEqual({ "@type": "Organization", name: "Desk" });
  });

  it("find a reviewed claim for its public page, never an unreviewed one", async () => {
    const found = await reviewedClaim(db, desk.claims.closed.id);
    expect(found).toMatchObject({ status: "CONTRADICTED", rationale: "</script><script>alert(1)</script>" });
    expect(found!.evidence.map((e) => e.relation)).toEqual(["CONTRADICTS"]);
    expect(await reviewedClaim(db, desk.claims.tricky.id)).toBeNull();
    expect(await reviewedClaim(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
