import { describe, it, expect, beforeAll, vi } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { runAs } from "@/lib/auth/current";

// Every action and route of the desk refuses strangers, and admin-only ones refuse reviewers,
// changing nothing. (Each feature's own tests cover its successes.)
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { retryMatchingAction } = await import("./articles/actions");
const { importArticleAction } = await import("./articles/new/actions");
const { saveVerdictAction, linkAction, removeLinkAction, searchPassagesAction } = await import("./claims/[id]/actions");
const { GET: me } = await import("@/app/api/v1/me/route");
const { GET: oneArticle } = await import("@/app/api/v1/articles/[id]/route");
const { POST: createToken } = await import("@/app/api/v1/tokens/route");
const { DELETE: unlink } = await import("@/app/api/v1/claims/[id]/links/[otherId]/route");

const { db, reviewer } = await freshDesk({ seed: true });
let claimId: string;
let otherId: string;
let articleId: string;

async function snapshot() {
  return {
    articles: await db.article.count(),
    claims: await db.claim.findMany({ select: { id: true, status: true, version: true }, orderBy: { id: "asc" } }),
    links: await db.claimLink.findMany({ select: { id: true, state: true }, orderBy: { id: "asc" } }),
    events: await db.verdictEvent.count(),
    matching: await db.article.findMany({ select: { id: true, matching: true }, orderBy: { id: "asc" } }),
  };
}

beforeAll(async () => {
  const link = await db.claimLink.findFirstOrThrow({ where: { state: "SUGGESTED" } });
  [claimId, otherId] = [link.fromClaimId, link.toClaimId];
  articleId = (await db.claim.findUniqueOrThrow({ where: { id: claimId } })).articleId;
  await db.article.update({ where: { id: articleId }, data: { matching: "FAILED" } });
});

describe("desk actions", () => {
  it("refuse a stranger, whatever the action, and change nothing", async () => {
    const before = await snapshot();
    const calls: (() => Promise<unknown>)[] = [
      () => retryMatchingAction(null, { id: articleId }),
      () => importArticleAction(null, { outlet: "X", text: "Officials said on Monday that 40 people were hurt in Gao.", format: "text" }),
      () => saveVerdictAction(null, { id: claimId, verdict: "single_sourced", links: [], version: 1 }),
      () => linkAction(null, { id: claimId, target: { claimId: otherId, relation: "supports" } }),
      () => removeLinkAction(null, { id: claimId, otherId }),
      () => searchPassagesAction(null, { claimId, q: "Putin" }),
    ];
    for (const call of calls) expect(await runAs(null, call)).toMatchObject({ ok: false, error: "unauthorized" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuse a reviewer the admin-only ones, and change nothing", async () => {
    const before = await snapshot();
    expect(await runAs(reviewer.actor, () => retryMatchingAction(null, { id: articleId }))).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await runAs(reviewer.actor, () =>
        importArticleAction(null, { outlet: "X", text: "Officials said on Monday that 40 people were hurt in Gao.", format: "text" }),
      ),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("routes without credentials", () => {
  it("answer 401 and change nothing", async () => {
    const before = await snapshot();
    expect((await me(apiRequest("/api/v1/me"), ctx())).status).toBe(401);
    expect((await oneArticle(apiRequest(`/api/v1/articles/${articleId}`), ctx({ id: articleId }))).status).toBe(401);
    expect((await createToken(apiRequest("/api/v1/tokens", { body: { name: "x" } }), ctx())).status).toBe(401);
    expect((await unlink(apiRequest(`/api/v1/claims/${claimId}/links/${otherId}`, { method: "DELETE" }), ctx({ id: claimId, otherId }))).status).toBe(401);
    expect(await db.apiToken.count({ where: { name: "x" } })).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("a token cannot mint more tokens", async () => {
    const res = await createToken(apiRequest("/api/v1/tokens", { token: reviewer.token, body: { name: "minted" } }), ctx());
    expect(res.status).toBe(403);
    expect(await db.apiToken.count({ where: { name: "minted" } })).toBe(0);
  });
});
