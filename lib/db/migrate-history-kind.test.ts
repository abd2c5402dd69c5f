import { describe, it, expect } from "vitest";
import { migrate } from "./migrate";
import { databaseBefore } from "../../tests/db";

const MIGRATION = "20261202400000_history_link_change";

// The history migration on a desk that already has history: the link change moves from the text to
// its column, generated sentences go, a person's words stay, and the table stays append-only.
describe("the history link-change migration on existing data", () => {
  it("reads each link change from its old marker and keeps what people wrote", async () => {
    const { url, client } = await databaseBefore(MIGRATION);
    try {
      const q = async (sql: string, args: unknown[] = []) => (await client.query(sql, args)).rows;
      const [user] = await q(`insert into "User" (email, name, "passwordHash") values ('r@x.test', 'Rita', 'x') returning id`);
      const [outlet] = await q(`insert into "Outlet" (name) values ('O') returning id`);
      const [article] = await q(`insert into "Article" ("outletId", "rawText", text, "contentHash") values ($1, 't', 't', 'h') returning id`, [outlet.id]);
      const [claim] = await q(`insert into "Claim" ("articleId", text, start, "end", status) values ($1, 'a', 0, 1, 'CORROBORATED') returning id`, [
        article.id,
      ]);
      const rows: [string, string][] = [
        ["VERDICT", "Link change: a reviewer may well start a rationale like this."],
        ["LINK", "Link change: linked as supporting"],
        ["LINK", "Link change: linked as contradicting"],
        ["LINK", "Link change: dismissed suggestion"],
        ["LINK", "Link change: unlinked"],
        ["APPROVAL", "Approved for publication"],
        ["UNPUBLISH", "Unpublished"],
        ["NEEDS_REVIEW", "Its origin group changed."],
      ];
      for (const [i, [kind, rationale]] of rows.entries()) {
        await q(
          `insert into "VerdictEvent" ("claimId", "actorId", verdict, previous, rationale, kind, at) values ($1, $2, 'CORROBORATED', 'CORROBORATED', $3, $4::"HistoryKind", $5)`,
          [claim.id, user.id, rationale, kind, new Date(Date.UTC(2026, 0, 1, 0, i))],
        );
      }

      await migrate(url);
      expect(await q(`select kind::text, "linkChange"::text, rationale from "VerdictEvent" order by at`)).toEqual([
        { kind: "VERDICT", linkChange: null, rationale: "Link change: a reviewer may well start a rationale like this." },
        { kind: "LINK", linkChange: "LINKED_SUPPORTS", rationale: null },
        { kind: "LINK", linkChange: "LINKED_CONTRADICTS", rationale: null },
        { kind: "LINK", linkChange: "DISMISSED", rationale: null },
        { kind: "LINK", linkChange: "UNLINKED", rationale: null },
        { kind: "APPROVAL", linkChange: null, rationale: null },
        { kind: "UNPUBLISH", linkChange: null, rationale: null },
        { kind: "NEEDS_REVIEW", linkChange: null, rationale: "Its origin group changed." },
      ]);
      // Writers must name the kind, and a link change must say which.
      await expect(q(`insert into "VerdictEvent" ("claimId", verdict, previous) values ($1, 'CORROBORATED', 'CORROBORATED')`, [claim.id])).rejects.toThrow(
        /kind/,
      );
      await expect(
        q(`insert into "VerdictEvent" ("claimId", verdict, previous, kind) values ($1, 'CORROBORATED', 'CORROBORATED', 'LINK')`, [claim.id]),
      ).rejects.toThrow(/VerdictEvent_link_change_check/);
      await expect(client.query(`update "VerdictEvent" set rationale = 'rewritten'`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
