import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { userWithToken } from "@/tests/factories";
import { importArticle, updateArticle } from "./mutations";
import { matchArticle } from "@/lib/match/match-article";

// Two outlets report a fire "on Tuesday" with different counts of firefighters. Imported in this
// order, the later report owns their pair (docs/decisions/018). An admin's correction to the
// earlier report's date or outlet must reach that pair too: re-matching the earlier report only
// against reports before it would leave the later one's suggestion as it was scored.
const EARLIER = (plant: string) =>
  `A fire broke out at the ${plant} plant in Millbrook on Tuesday. More than 40 firefighters battled the blaze for three hours.`;
const LATER = (plant: string) => `A fire tore through the ${plant} plant in Millbrook on Tuesday. More than 80 firefighters battled the blaze for nine hours.`;

let db: Db;
let admin: string;
const rematch = (id: string, claimIds?: string[]) => matchArticle(db, id, claimIds);
const contradictions = () => db.claimLink.count({ where: { relation: "CONTRADICTS", state: "SUGGESTED" } });
const linksBetween = async (a: string, b: string) =>
  db.claimLink.count({
    where: {
      OR: [
        { fromClaim: { articleId: a }, toClaim: { articleId: b } },
        { fromClaim: { articleId: b }, toClaim: { articleId: a } },
      ],
    },
  });

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = (await userWithToken(db, "ADMIN")).user.id;
});

async function twoReports(tag: string, plant: string) {
  const earlier = (await importArticle(db, null, { outlet: `Gazette ${tag}`, publishedAt: "2025-03-12", text: EARLIER(plant) }, { enqueue: rematch }))
    .articleId;
  const later = (await importArticle(db, null, { outlet: `Courier ${tag}`, publishedAt: "2025-03-12", text: LATER(plant) }, { enqueue: rematch })).articleId;
  return { earlier, later };
}

describe("correcting an earlier article's date or outlet", () => {
  it("re-scores the pairs a later article owns when the date moves the reports apart", async () => {
    const { earlier, later } = await twoReports("date", "Hartwell Plastics");
    // Same Tuesday, different counts: a dispute about one fire.
    expect(await contradictions()).toBe(2); // one pair, stored in both directions
    const res = await updateArticle(db, admin, earlier, { publishedAt: "2024-09-18" }, { enqueue: rematch });
    expect(res.rematch).toBe(true);
    // "Tuesday" is now 17 September 2024, six months before the other report's fire.
    expect(await contradictions()).toBe(0);
    const links = await db.claimLink.findMany({ where: { fromClaim: { articleId: later }, toClaim: { articleId: earlier } }, select: { relation: true } });
    expect(links.every((l) => l.relation === "SUPPORTS")).toBe(true);
    expect(await db.article.findUniqueOrThrow({ where: { id: earlier }, select: { matching: true } })).toEqual({ matching: "DONE" });
  });

  it("removes the pairs with a later article once both are from one outlet", async () => {
    const { earlier, later } = await twoReports("outlet", "Dunmore Chemicals");
    expect(await linksBetween(earlier, later)).toBeGreaterThan(0);
    await updateArticle(db, admin, earlier, { outlet: "Courier outlet" }, { enqueue: rematch });
    // One outlet's two reports are not evidence for each other.
    expect(await linksBetween(earlier, later)).toBe(0);
  });
});
