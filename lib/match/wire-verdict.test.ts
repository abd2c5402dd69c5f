import { beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@/tests/db";
import type { Db } from "@/lib/db/client";
import { importArticle } from "@/lib/articles/mutations";
import { refreshSuggested } from "@/lib/verdicts/pair";

// Three outlets carry one AP story; a fourth reports on its own. Against the fourth's claim, the
// three copies are one source: their supports weigh once, not three times.
const TEXT = "The ferry was carrying about 240 passengers when it capsized on Lake Malawi on Thursday.";

let db: Db;
const claimOf = async (outlet: string, wireCredit: string | null) => {
  const { articleId } = await importArticle(db, null, { outlet, publishedAt: "2025-03-07", text: `${TEXT} ${outlet} has the story.` });
  if (wireCredit) await db.article.update({ where: { id: articleId }, data: { wireCredit } });
  return (await db.claim.findFirstOrThrow({ where: { articleId }, select: { id: true }, orderBy: { start: "asc" } })).id;
};
const link = (from: string, to: string, relation: "SUPPORTS" | "CONTRADICTS", score: number) =>
  db.claimLink.create({ data: { fromClaimId: from, toClaimId: to, relation, score, reasons: [], independent: true } });
const verdictOf = async (id: string) => (await db.claim.findUniqueOrThrow({ where: { id }, select: { suggestedVerdict: true } })).suggestedVerdict;

beforeAll(async () => {
  db = (await freshDatabase()).db;
});

describe("the suggested verdict and copies of one wire story", () => {
  it("weighs three outlets' copies of one AP story as one source", async () => {
    const own = await claimOf("Mzuzu Weekly Echo", null);
    const copies = [
      await claimOf("Lakeshore Tribune", "AP"),
      await claimOf("Prairie Post-Dispatch", "Associated Press"),
      await claimOf("Harbour City Times", "The Associated Press"),
    ];
    const other = await claimOf("Blantyre Daily Ledger", null);
    for (const c of copies) await link(own, c, "SUPPORTS", 0.5);
    await link(own, other, "CONTRADICTS", 0.9);
    await db.$transaction((tx) => refreshSuggested(tx, [own]));
    // One AP story (0.5) against one independent report (0.9).
    expect(await verdictOf(own)).toBe("CONTRADICTED");
    // Three outlets of their own would outweigh it.
    await db.article.updateMany({ where: { claims: { some: { id: { in: copies } } } }, data: { wireCredit: null } });
    await db.$transaction((tx) => refreshSuggested(tx, [own]));
    expect(await verdictOf(own)).toBe("CORROBORATED");
  });
});
