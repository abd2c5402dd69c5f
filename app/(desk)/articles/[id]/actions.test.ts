import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { form } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";
import { stopBoss } from "@/lib/jobs/queue";
import { importArticle } from "@/lib/articles/mutations";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const A = await import("./actions");

const { db, admin, reviewer } = await freshDesk();
let articleId: string;
beforeAll(async () => {
  const text =
    "Officials in Gao said on Monday that 40 people were hurt when a convoy struck a mine near the town, the army said.\n\nThe army said 12 of the wounded were soldiers, according to a statement issued in Bamako on Tuesday.";
  articleId = (await importArticle(db, admin.user.id, { outlet: "Action Desk", text })).articleId;
});
afterAll(() => stopBoss());

const snapshot = async () => ({
  article: await db.article.findUnique({ where: { id: articleId }, select: { title: true, url: true, publishedAt: true, outletId: true } }),
  claims: await db.claim.findMany({
    where: { articleId },
    select: { id: true, version: true, setAside: true, start: true, end: true },
    orderBy: { start: "asc" },
  }),
});

describe("article page actions", () => {
  it("refuse a stranger every action, and a reviewer the admin-only ones, changing nothing", async () => {
    const [c] = (await snapshot()).claims;
    const before = await snapshot();
    const calls: Record<string, () => Promise<unknown>> = {
      update: () => A.updateArticleAction(null, form({ id: articleId, title: "x", url: "", publishedAt: "", outlet: "Action Desk" })),
      del: () => A.deleteArticleAction(null, form({ id: articleId })),
      add: () => A.addClaimAction(null, form({ articleId, start: "0", end: "10", snap: "sentence" })),
      aside: () => A.setAsideAction(null, form({ id: c.id, articleId, version: String(c.version), reason: "opinion" })),
      delClaim: () => A.deleteClaimAction(null, form({ id: c.id, articleId })),
    };
    for (const call of Object.values(calls)) expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
    for (const call of [calls.update, calls.del, calls.delClaim]) expect(await runAs(reviewer.actor, call)).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await runAs(reviewer.actor, () => A.setAsideAction(null, form({ id: c.id, articleId, version: String(c.version), reason: "rumour" }))),
    ).toMatchObject({ ok: false, error: "bad_request" });
    expect(await snapshot()).toEqual(before);
  });

  it("let an admin correct the article from the form, where a blank field clears it", async () => {
    const res = await runAs(admin.actor, () =>
      A.updateArticleAction(
        null,
        form({ id: articleId, title: "Convoy hit near Gao", url: "https://x.example/gao", publishedAt: "2024-02-05", outlet: "Action Desk" }),
      ),
    );
    expect(res).toMatchObject({ ok: true, data: { changed: ["title", "url", "publishedAt"], rematch: true } });
    const cleared = await runAs(admin.actor, () =>
      A.updateArticleAction(null, form({ id: articleId, title: "Convoy hit near Gao", url: "", publishedAt: "2024-02-05", outlet: "Action Desk" })),
    );
    expect(cleared).toMatchObject({ ok: true, data: { changed: ["url"] } });
  });

  it("let a reviewer set a claim aside, restore it, and add one; a stale form is told to reload", async () => {
    const [c] = (await snapshot()).claims;
    const aside = await runAs(reviewer.actor, () => A.setAsideAction(null, form({ id: c.id, articleId, version: String(c.version), reason: "vague" })));
    expect(aside).toMatchObject({ ok: true });
    const stale = await runAs(reviewer.actor, () => A.restoreAction(null, form({ id: c.id, articleId, version: String(c.version) })));
    expect(stale).toMatchObject({ ok: false, error: "stale_version" });
    expect(await runAs(reviewer.actor, () => A.restoreAction(null, form({ id: c.id, articleId, version: String(c.version + 1) })))).toMatchObject({ ok: true });
    await runAs(admin.actor, () => A.deleteClaimAction(null, form({ id: c.id, articleId })));
    const added = await runAs(reviewer.actor, () => A.addClaimAction(null, form({ articleId, start: "5", end: "9", snap: "sentence" })));
    expect(added).toMatchObject({ ok: true, data: { text: expect.stringMatching(/^Officials in Gao said on Monday/) } });
  });

  it("let an admin delete the article", async () => {
    expect(await runAs(admin.actor, () => A.deleteArticleAction(null, form({ id: articleId })))).toMatchObject({ ok: true, data: { deleted: true } });
    expect(await db.article.count({ where: { id: articleId } })).toBe(0);
  });
});
