import { describe, it, expect } from "vitest";
import { migrate } from "./migrate";
import { databaseBefore } from "../../tests/db";

// 20261201300000_verdict_publishing on a desk that already has history: link changes are told
// apart by their new kind, confirmed links get their confirmation, reviewed claims await approval,
// and the history tables stay append-only afterwards.
describe("the verdict publishing migration on existing data", () => {
  it("fills in the new columns from what the desk already recorded", async () => {
    const { url, client } = await databaseBefore("20261201300000");
    try {
      const q = async (sql: string, args: unknown[] = []) => (await client.query(sql, args)).rows;
      const [user] = await q(`insert into "User" (email, name, "passwordHash") values ('r@x.test', 'Rita', 'x') returning id`);
      const [outlet] = await q(`insert into "Outlet" (name) values ('O') returning id`);
      const [article] = await q(`insert into "Article" ("outletId", "rawText", text, "contentHash") values ($1, 't', 't', 'h') returning id`, [outlet.id]);
      const [reviewed] = await q(`insert into "Claim" ("articleId", text, start, "end", status) values ($1, 'a', 0, 1, 'CORROBORATED') returning id`, [
        article.id,
      ]);
      const [other] = await q(`insert into "Claim" ("articleId", text, start, "end") values ($1, 'b', 1, 2) returning id`, [article.id]);
      await q(
        `insert into "ClaimLink" ("fromClaimId", "toClaimId", relation, state, "createdById", "updatedAt") values ($1, $2, 'SUPPORTS', 'CONFIRMED', $3, '2026-05-02T12:00:00Z')`,
        [reviewed.id, other.id, user.id],
      );
      await q(
        `insert into "VerdictEvent" ("claimId", "actorId", verdict, previous, rationale) values ($1, $2, 'CORROBORATED', 'UNREVIEWED', 'Two outlets.'), ($1, $2, 'CORROBORATED', 'CORROBORATED', 'Link change: linked as supporting')`,
        [reviewed.id, user.id],
      );

      await migrate(url);
      // Later, 20261202400000_history_link_change moves the link change itself out of the text.
      expect(await q(`select kind::text, "linkChange"::text, rationale from "VerdictEvent" order by kind`)).toEqual([
        { kind: "LINK", linkChange: "LINKED_SUPPORTS", rationale: null },
        { kind: "VERDICT", linkChange: null, rationale: "Two outlets." },
      ]);
      expect(await q(`select "confirmedById", "confirmedAt" from "ClaimLink"`)).toEqual([
        { confirmedById: user.id, confirmedAt: new Date("2026-05-02T12:00:00Z") },
      ]);
      expect(await q(`select id, "awaitingApproval", "needsReview", "publishedAt" from "Claim" order by "awaitingApproval" desc`)).toEqual([
        { id: reviewed.id, awaitingApproval: true, needsReview: false, publishedAt: null },
        { id: other.id, awaitingApproval: false, needsReview: false, publishedAt: null },
      ]);
      await expect(client.query(`update "VerdictEvent" set rationale = 'rewritten'`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
