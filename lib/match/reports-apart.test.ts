import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { importArticle } from "@/lib/articles/mutations";
import { matchArticle } from "./match-article";

// Two fires at one plant six months apart, told by two outlets. The sentences about the crews name
// no date; their articles do. Matching gives each claim its article's dates, so a different count
// of firefighters is not suggested as a contradiction of the other fire's report.
const SEPTEMBER = [
  "A fire broke out at the Hartwell Plastics plant in Millbrook on Tuesday, September 17, 2024.",
  "More than 40 firefighters battled the blaze for three hours.",
  "Two workers were taken to Millbrook General Hospital with burns.",
].join(" ");
const MARCH = [
  "A fire tore through the Hartwell Plastics plant in Millbrook on Tuesday, March 11, 2025.",
  "More than 80 firefighters battled the blaze for nine hours.",
  "Twelve workers were taken to Millbrook General Hospital with burns.",
].join(" ");

let db: Db;
beforeAll(async () => {
  db = (await freshDatabase()).db;
  for (const [outlet, publishedAt, text] of [
    ["Eastern State Gazette", "2024-09-18", SEPTEMBER],
    ["Millbrook Courier", "2025-03-12", MARCH],
  ] as const) {
    await importArticle(db, null, { outlet, publishedAt, text }, { enqueue: (id) => matchArticle(db, id) });
  }
});

const claimWith = async (phrase: string) => (await db.claim.findFirstOrThrow({ where: { text: { contains: phrase } }, select: { id: true } })).id;

describe("matching reports of events more than a week apart", () => {
  it("suggests no contradiction between their undated sentences", async () => {
    const [a, b] = [await claimWith("80 firefighters"), await claimWith("40 firefighters")];
    const rows = await db.claimLink.findMany({ where: { OR: [{ fromClaimId: a }, { fromClaimId: b }] } });
    expect(rows.filter((r) => r.relation === "CONTRADICTS")).toEqual([]);
    expect(rows.filter((r) => (r.fromClaimId === a && r.toClaimId === b) || (r.fromClaimId === b && r.toClaimId === a))).toEqual([]);
  });

  it("suggests no contradiction anywhere between the two reports", async () => {
    expect(await db.claimLink.count({ where: { relation: "CONTRADICTS" } })).toBe(0);
    expect(await db.claim.count({ where: { suggestedVerdict: "CONTRADICTED" } })).toBe(0);
  });
});
