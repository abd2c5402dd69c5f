import { describe, it, expect, beforeAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { userWithToken, apiRequest, ctx } from "@/tests/factories";
import { splitSentences } from "@/lib/extract/sentences";
import { scorePassages } from "@/lib/match/pair/model";
import { linkClaim, removeLink } from "./mutations";
import { searchPassages } from "./data";
import { saveVerdict } from "../verdicts/mutations";
import { suggestedPairs } from "../../tests/verdict-pairs";
import { POST as LINK } from "@/app/api/v1/claims/[id]/links/route";
import { DELETE as UNLINK } from "@/app/api/v1/claims/[id]/links/[otherId]/route";

const { db, reviewer } = await freshDesk({ seed: true });

beforeAll(async () => {
  pairs = await suggestedPairs(db);
});
let pairs: [string, string][];

const claimIn = async (outlet: string, phrase: string) =>
  (await db.claim.findFirstOrThrow({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } } })).id;
// A claim of another article than every one given, to link as a third source.
const elsewhere = async (...ids: string[]) => {
  const articles = (await db.claim.findMany({ where: { id: { in: ids } }, select: { articleId: true } })).map((c) => c.articleId);
  return (await db.claim.findFirstOrThrow({ where: { articleId: { notIn: articles } }, orderBy: { id: "asc" } })).id;
};
const texts = async (a: string, b: string) => {
  const side = async (id: string) => {
    const c = await db.claim.findUniqueOrThrow({ where: { id }, select: { text: true, attribution: true, article: { select: { publishedAt: true } } } });
    return { text: c.text, attribution: c.attribution, publishedAt: c.article.publishedAt };
  };
  return [await side(a), await side(b)] as const;
};
const v = async (id: string) => (await db.claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const pair = (a: string, b: string) =>
  db.claimLink.findMany({
    where: {
      OR: [
        { fromClaimId: a, toClaimId: b },
        { fromClaimId: b, toClaimId: a },
      ],
    },
    orderBy: { fromClaimId: "asc" },
  });

describe("link changes", () => {
  it("a stranger gets 401 on the link API and nothing changes", async () => {
    const [a, b] = pairs[0];
    const before = await pair(a, b);
    expect((await LINK(apiRequest(`/api/v1/claims/${a}/links`, { body: { claimId: b, relation: "supports", version: 1 } }), ctx({ id: a }))).status).toBe(401);
    expect(
      (await UNLINK(apiRequest(`/api/v1/claims/${a}/links/${b}?version=1`, { method: "DELETE", token: "tri_forged" }), ctx({ id: a, otherId: b }))).status,
    ).toBe(401);
    expect(await pair(a, b)).toEqual(before);
  });

  it("dismissing a suggestion rejects it in both directions and records the change", async () => {
    const [a, b] = pairs[0];
    expect((await pair(a, b)).map((l) => l.state)).toEqual(["SUGGESTED", "SUGGESTED"]);
    const noVersion = await UNLINK(apiRequest(`/api/v1/claims/${a}/links/${b}`, { method: "DELETE", token: reviewer.token }), ctx({ id: a, otherId: b }));
    expect(noVersion.status).toBe(400);
    const res = await UNLINK(apiRequest(`/api/v1/claims/${a}/links/${b}?version=1`, { method: "DELETE", token: reviewer.token }), ctx({ id: a, otherId: b }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ change: "dismissed", version: 2 });
    expect((await pair(a, b)).map((l) => l.state)).toEqual(["REJECTED", "REJECTED"]);
    expect(await db.verdictEvent.findMany({ where: { claimId: a } })).toEqual([
      expect.objectContaining({
        actorId: reviewer.user.id,
        verdict: "UNREVIEWED",
        previous: "UNREVIEWED",
        rationale: null,
        linkedClaimIds: [b],
        kind: "LINK",
        linkChange: "DISMISSED",
      }),
    ]);
    expect(await db.auditLog.count({ where: { action: "claim.dismiss", entityId: a } })).toBe(1);
    // Dismissing again changes nothing and records nothing.
    expect(await removeLink(db, reviewer.user.id, a, b, 2)).toMatchObject({ change: null, version: 2 });
    expect(await db.verdictEvent.count({ where: { claimId: a } })).toBe(1);
  });

  it("links, refuses to unlink the only support of a corroborated claim, then unlinks back to a suggestion", async () => {
    const [a, b] = pairs[1];
    const suggested = await pair(a, b);
    const linked = await LINK(
      apiRequest(`/api/v1/claims/${a}/links`, { token: reviewer.token, body: { claimId: b, relation: "supports", version: await v(a) } }),
      ctx({ id: a }),
    );
    expect(linked.status).toBe(200);
    expect((await pair(a, b)).map((l) => [l.state, l.relation])).toEqual([
      ["CONFIRMED", "SUPPORTS"],
      ["CONFIRMED", "SUPPORTS"],
    ]);
    for (const l of await pair(a, b)) expect(l).toMatchObject({ confirmedById: reviewer.user.id, confirmedAt: expect.any(Date) });
    // A link change moves both claims' versions: a verdict form loaded before it is stale.
    expect([await v(a), await v(b)]).toEqual([2, 2]);
    await saveVerdict(db, reviewer.user.id, a, { verdict: "corroborated", version: 2 });

    await expect(removeLink(db, reviewer.user.id, a, b, 3)).rejects.toMatchObject({
      kind: "rule",
      message: expect.stringMatching(/break the Corroborated verdict of this claim/),
    });
    await expect(removeLink(db, reviewer.user.id, b, a, await v(b))).rejects.toMatchObject({ kind: "rule", message: expect.stringMatching(/linked claim/) });
    await expect(linkClaim(db, reviewer.user.id, a, { claimId: b, relation: "contradicts", version: 3 })).rejects.toMatchObject({ kind: "rule" });
    expect((await pair(a, b)).map((l) => l.state)).toEqual(["CONFIRMED", "CONFIRMED"]);

    await saveVerdict(db, reviewer.user.id, a, { verdict: "contradicted", version: 3, links: [{ claimId: b, relation: "contradicts" }] });
    await saveVerdict(db, reviewer.user.id, a, { verdict: "single_sourced", version: 4 });
    expect(await removeLink(db, reviewer.user.id, a, b, 5)).toMatchObject({ change: "unlinked", version: 6 });
    expect((await pair(a, b)).map((l) => l.state)).toEqual(["SUGGESTED", "SUGGESTED"]);
    // The reviewer turned the supporting suggestion into a contradiction: the score is now the model's
    // reading of a contradiction, not its confidence in the support, so the suggested verdict does not
    // weigh a strong contradiction that the model never saw (decision 035).
    const back = await pair(a, b);
    const model = scorePassages(...(await texts(a, b)));
    for (const l of back) {
      expect(l.relation).toBe("CONTRADICTS");
      expect(l.score).toBe(Math.round(model.probs.contradicts * 100) / 100);
      expect(l.score).toBeLessThan(suggested[0].score);
      expect(l.reasons[0]).toBe("the pair model read this pair as supports");
    }
    expect((await db.claim.findUniqueOrThrow({ where: { id: a } })).suggestedVerdict).toBe("CORROBORATED");
  });

  it("refuses a link to a claim of the same article (422) or to no claim (404)", async () => {
    const a = await claimIn("TODAY", "");
    const sibling = await db.claim.findFirstOrThrow({
      where: { articleId: (await db.claim.findUniqueOrThrow({ where: { id: a } })).articleId, id: { not: a } },
    });
    await expect(linkClaim(db, reviewer.user.id, a, { claimId: sibling.id, relation: "supports", version: 1 })).rejects.toMatchObject({ kind: "rule" });
    await expect(
      linkClaim(db, reviewer.user.id, a, { claimId: "00000000-0000-4000-8000-000000000000", relation: "supports", version: 1 }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("one version for the claim and its links", () => {
  it("refuses a link made against an old version with who changed what, and changes nothing", async () => {
    const [a, b] = pairs[2];
    const c = await elsewhere(a, b);
    const seen = await v(a);
    // Reviewer B links a contradicting passage while reviewer A still has the claim open.
    const other = await userWithToken(db, "REVIEWER");
    await linkClaim(db, other.user.id, a, { claimId: c, relation: "contradicts", version: seen });
    const before = await pair(a, b);
    const res = await LINK(
      apiRequest(`/api/v1/claims/${a}/links`, { token: reviewer.token, body: { claimId: b, relation: "supports", version: seen } }),
      ctx({ id: a }),
    );
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({ error: "stale_version", current: { id: a, version: seen + 1 } });
    expect(body.message).toContain(`${other.user.name} linked a passage as contradicting`);
    expect(await pair(a, b)).toEqual(before);
    // Dismissing against the old version is refused the same way; a verdict on the old version too.
    await expect(removeLink(db, reviewer.user.id, a, b, seen)).rejects.toMatchObject({ kind: "stale" });
    await expect(saveVerdict(db, reviewer.user.id, a, { verdict: "contradicted", version: seen })).rejects.toMatchObject({ kind: "stale" });
    expect(await pair(a, b)).toEqual(before);
  });

  it("a contradiction added to a corroborated claim flags it for re-review, in history and the audit log", async () => {
    const [a, b] = pairs[3];
    const c = await elsewhere(a, b);
    await linkClaim(db, reviewer.user.id, a, { claimId: b, relation: "supports", version: await v(a) });
    await saveVerdict(db, reviewer.user.id, a, { verdict: "corroborated", version: await v(a) });
    expect(await db.claim.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ needsReview: false });
    await linkClaim(db, reviewer.user.id, a, { claimId: c, relation: "contradicts", version: await v(a) });
    expect(await db.claim.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      status: "CORROBORATED",
      needsReview: true,
      needsReviewReason: expect.stringMatching(/contradiction is outweighed/),
    });
    expect(await db.verdictEvent.count({ where: { claimId: a, kind: "NEEDS_REVIEW" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "claim.needs_review", entityId: a } })).toBe(1);
    // Corroborated again needs the rationale now; with it, the flag clears.
    await expect(saveVerdict(db, reviewer.user.id, a, { verdict: "corroborated", version: await v(a) })).rejects.toMatchObject({
      kind: "rule",
      message: expect.stringMatching(/outweighed/),
    });
    await saveVerdict(db, reviewer.user.id, a, {
      verdict: "corroborated",
      version: await v(a),
      rationale: "Three independent outlets carry the readout; the contradicting one misdates it.",
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: a } })).toMatchObject({ needsReview: false, needsReviewReason: null });
  });
});

describe("manual links to passages", () => {
  it("finds sentences of other outlets and turns a sentence that was no claim into a claim with exact offsets", async () => {
    const a = await claimIn("Tech Times", "");
    const ownOutlet = (await db.claim.findUniqueOrThrow({ where: { id: a }, select: { article: { select: { outletId: true } } } })).article.outletId;
    const other = await db.article.findFirstOrThrow({ where: { outlet: { name: "The Moscow Times" } }, include: { claims: true } });
    const free = splitSentences(other.text).find((s) => s.text.split(/\s+/).length >= 4 && !other.claims.some((c) => c.start < s.end && c.end > s.start))!;
    expect(free).toBeTruthy();
    const words = free.text
      .split(/\s+/)
      .filter((w) => /^[A-Za-z]{4,}$/.test(w))
      .slice(0, 2)
      .join(" ");

    const hits = (await searchPassages(db, a, words))!;
    const hit = hits.find((h) => h.articleId === other.id && h.start === free.start)!;
    expect(hit).toMatchObject({ claimId: null, end: free.end, text: free.text, outlet: "The Moscow Times" });
    const outlets = await db.article.findMany({ where: { id: { in: hits.map((h) => h.articleId) } }, select: { outletId: true } });
    expect(outlets.every((o) => o.outletId !== ownOutlet)).toBe(true);

    const before = await db.claim.count();
    const res = await LINK(
      apiRequest(`/api/v1/claims/${a}/links`, {
        token: reviewer.token,
        body: { articleId: other.id, start: hit.start, end: hit.end, relation: "supports", version: await v(a) },
      }),
      ctx({ id: a }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ createdClaim: true, changed: true });
    expect(await db.claim.count()).toBe(before + 1);
    const made = await db.claim.findUniqueOrThrow({ where: { id: body.otherClaimId } });
    expect(made).toMatchObject({
      articleId: other.id,
      start: free.start,
      end: free.end,
      text: other.text.slice(free.start, free.end),
      status: "UNREVIEWED",
      prefix: other.text.slice(Math.max(0, free.start - 32), free.start),
      suffix: other.text.slice(free.end, free.end + 32),
    });
    const links = await pair(a, made.id);
    expect(links).toHaveLength(2);
    for (const l of links)
      expect(l).toMatchObject({ state: "CONFIRMED", origin: "REVIEWER", relation: "SUPPORTS", createdById: reviewer.user.id, independent: true });
    // No suggestion existed: the link carries the pair model's own reading of the two passages.
    for (const l of links) {
      expect(l.score).toBeGreaterThanOrEqual(0);
      expect(l.score).toBeLessThanOrEqual(1);
      expect(l.reasons.length).toBeGreaterThan(0);
    }

    // The same passage again is the same claim; a passage of the claim's own article is refused.
    const again = await linkClaim(db, reviewer.user.id, a, {
      articleId: other.id,
      start: free.start,
      end: free.end,
      relation: "supports",
      version: await v(a),
    });
    expect(again).toMatchObject({ otherClaimId: made.id, createdClaim: false, changed: false });
    const own = (await db.claim.findUniqueOrThrow({ where: { id: a } })).articleId;
    await expect(linkClaim(db, reviewer.user.id, a, { articleId: own, start: 0, end: 10, relation: "supports", version: await v(a) })).rejects.toMatchObject({
      kind: "rule",
    });
    // Search answers a sentence that is now a claim as that claim.
    expect((await searchPassages(db, a, words))!.find((h) => h.start === free.start)).toMatchObject({ claimId: made.id });
  });
});
