import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { userWithToken } from "../../tests/factories";
import { parseCsv } from "../../eval/csv";
import type { Db } from "../db/client";
import { claimsCsvStream, annotationsExport, reviewedClaim, claimReviewStream } from "./data";
import { approveClaim } from "../publishing/mutations";
import { seedReviewedDesk } from "../../tests/export-desk";

let db: Db;
let desk: Awaited<ReturnType<typeof seedReviewedDesk>>;
let reviewerId: string;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const reviewer = await userWithToken(db, "REVIEWER");
  reviewerId = reviewer.user.id;
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
  it("read the claims article by article in keyset batches, ordered by article date then position, only as the reader asks", async () => {
    const reader = claimsCsvStream(db, {}, 1).getReader();
    const header = new TextDecoder().decode((await reader.read()).value);
    expect(header).toMatch(/^outlet,/);
    // Written after the first chunk was read: a stream that had read everything up front would miss it.
    const text = "A late claim arrived after the export had started, officials said.";
    const late = await db.claim.create({ data: { id: "ffffffff-ffff-4fff-bfff-ffffffffffff", articleId: desk.articles.a.id, text, start: 0, end: 1 } });
    const rest: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest.push(new TextDecoder().decode(value));
    }
    // One chunk per article (batch size 1), each article's claims together.
    expect(rest).toHaveLength(3);
    const rows = parseCsv(header + rest.join(""));
    const col = (n: string) => rows[0].indexOf(n);
    expect(rows).toHaveLength((await db.claim.count()) + 1);
    const order = rows.slice(1).map((r) => [r[col("article_id")], Number(r[col("position")]), r[col("claim_id")]] as const);
    // Wire (1 May) before Daily Planet (2 May); the undated article by its import date, last.
    expect([...new Set(order.map((o) => o[0]))]).toEqual([desk.articles.b.id, desk.articles.a.id, desk.articles.c.id]);
    const inA = order.filter((o) => o[0] === desk.articles.a.id);
    expect(inA[0][2]).toBe(late.id);
    expect(inA.map((o) => o[1])).toEqual([...inA.map((o) => o[1])].sort((x, y) => x - y));
    await db.claim.delete({ where: { id: late.id } });
  });

  it("page annotations, and stream ClaimReviews as valid JSON across batch edges", async () => {
    const coll = await annotationsExport(db, "https://desk.example", undefined, 1);
    expect(coll).toMatchObject({ total: 2, last: "https://desk.example/api/v1/export/annotations.jsonld?page=2" });
    expect((coll as { first: { items: unknown[] } }).first.items).toHaveLength(1);
    expect(await annotationsExport(db, "https://desk.example", 2, 1)).toMatchObject({ type: "AnnotationPage", startIndex: 1, prev: expect.any(String) });
    const ctx = { siteUrl: "https://desk.example", organisation: { name: "Desk", url: null } };
    const graph = JSON.parse((await readAll(await claimReviewStream(db, {}, ctx, 1))).join(""));
    expect(graph["@graph"]).toHaveLength(2);
    expect(graph["@graph"][0].author).toEqual({ "@type": "Organization", name: "Desk" });
  });

  it("find an approved claim for its public page, never an unreviewed or unapproved one", async () => {
    const found = await reviewedClaim(db, desk.claims.closed.id);
    expect(found).toMatchObject({ status: "CONTRADICTED", rationale: "</script><script>alert(1)</script>" });
    expect(found!.evidence.map((e) => e.relation)).toEqual(["CONTRADICTS"]);
    expect(await reviewedClaim(db, desk.claims.tricky.id)).toBeNull();
    expect(await reviewedClaim(db, desk.claims.bridgeB.id)).toBeNull();
    // Its verdict breaks a rule (single-sourced beside independent support): it cannot be approved.
    await expect(approveClaim(db, reviewerId, desk.claims.bridgeB.id, 1)).rejects.toMatchObject({ kind: "rule" });
    expect(await reviewedClaim(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
