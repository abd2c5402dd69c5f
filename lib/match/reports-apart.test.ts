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

// A report of a second sinking that recalls the first, as reports of a new disaster usually do. Its
// undated sentences tell the new sinking, not the one it recalls: no count of it disputes the other's.
describe("matching a later report that recalls the earlier event", () => {
  const MARCH_SINKING =
    "NKHATA BAY, Malawi (AP) — A passenger ferry capsized on Lake Malawi on Thursday, killing at least 38 people, officials said.\n\nThe MV Chilembwe was travelling from Likoma Island to the port of Nkhata Bay with about 240 passengers on board when it overturned in strong winds about two kilometres from shore, the Malawi Marine Department said.\n\nFishermen and a navy unit of the Malawi Defence Force rescued 117 people, and dozens of passengers remain missing, police spokesman Peter Kalaya said.\n\nTransport Minister Lazarus Phiri said the ferry had been overloaded. It was licensed to carry 150 passengers, he told reporters at the port.";
  const JULY_SINKING =
    "At least 12 people died when an overcrowded boat capsized on Lake Malawi on Thursday near the port of Nkhata Bay, the Malawi Marine Department said.\n\nThe MV Mtendere was travelling from Likoma Island to Nkhata Bay with about 60 passengers on board when it overturned in strong winds about a kilometre from shore.\n\nFishermen rescued 40 people, and several passengers remain missing, police spokesman Peter Kalaya said.\n\nTransport Minister Lazarus Phiri said the boat had been overloaded. It was licensed to carry 35 passengers, he said.\n\nThe accident is the second deadly capsizing near Nkhata Bay this year. In March, at least 38 people died when the MV Chilembwe overturned on the same route, and the Marine Department promised to inspect every passenger vessel on the lake.";
  let sink: Db;
  beforeAll(async () => {
    sink = (await freshDatabase()).db;
    for (const [outlet, publishedAt, text] of [
      ["Lakeshore Tribune", "2025-03-06", MARCH_SINKING],
      ["Southern Africa Report", "2025-07-18", JULY_SINKING],
    ] as const)
      await importArticle(sink, null, { outlet, publishedAt, text }, { enqueue: (id) => matchArticle(sink, id) });
  });

  it("suggests no contradiction between the two sinkings", async () => {
    const links = await sink.claimLink.findMany({
      select: { relation: true, reasons: true, fromClaim: { select: { text: true } }, toClaim: { select: { text: true } } },
    });
    expect(links.filter((l) => l.relation === "CONTRADICTS")).toEqual([]);
    // What the two reports share (the minister blaming overloading) is said to be from reports of
    // different events; a sentence recalling the March sinking would be about it, and is left out.
    const recall = (l: (typeof links)[number]) => [l.fromClaim.text, l.toClaim.text].some((t) => t.startsWith("In March"));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links.filter((x) => !recall(x)))
      expect(l.reasons[0]).toMatch(
        /^reports of different events \(dated 17 July 2025 and 6 March 2025|^reports of different events \(dated 6 March 2025 and 17 July 2025/,
      );
  });

  it("lets no support from the other sinking's report corroborate a claim until a reviewer confirms it", async () => {
    const claims = await sink.claim.findMany({
      select: { text: true, suggestedVerdict: true, linksFrom: { select: { background: true, relation: true } } },
    });
    const linked = claims.filter((c) => c.linksFrom.length);
    // The links between the two sinkings are background; only the recall of March is March's own.
    const backgroundOnly = linked.filter((c) => c.linksFrom.every((l) => l.background));
    expect(backgroundOnly.length).toBeGreaterThan(0);
    for (const c of backgroundOnly) expect(c).toMatchObject({ suggestedVerdict: "SINGLE_SOURCED" });
    for (const c of linked.filter((x) => x.text.startsWith("In March"))) expect(c.linksFrom.some((l) => !l.background)).toBe(true);
  });
});
