import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { userWithToken } from "../../tests/factories";
import { importArticle } from "../articles/mutations";
import { addClaim, adjustClaimSpan, deleteClaim, mergeClaim, restoreClaim, setAsideClaim, splitClaim } from "./mutations";
import { claimEdits } from "./data";
import { queuePage } from "../queue/data";
import { queueFiltersSchema } from "../queue/schema";
import type { Db } from "../db/client";

let db: Db;
let reviewer: string;
let n = 0;
beforeAll(async () => {
  db = (await freshDatabase()).db;
  reviewer = (await userWithToken(db, "REVIEWER")).user.id;
});

const TEXT = (k: number) =>
  `Officials in Niamey said on Monday that ${900 + k} soldiers had been deployed to the border region near Mali, according to an army statement.\n\n` +
  `They also attacked the French Embassy in Niger, police said on Monday.\n\n` +
  `The bloc has said it will use force only if diplomacy fails.\n\n` +
  `Officials in Niamey said on Monday that ${900 + k} troops had been sent to the border region near Mali, according to an army statement.`;

async function article(outlet = "Curate Desk") {
  const text = TEXT(++n);
  const { articleId } = await importArticle(db, null, { outlet, text });
  const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { claims: { orderBy: { start: "asc" } } } });
  return { ...a, queued: [] as string[] };
}
const enqueueInto = (list: string[]) => async (id: string) => void list.push(id);

describe("extraction context", () => {
  it("stores the antecedent sentence of a pronoun-led claim", async () => {
    const a = await article();
    const they = a.claims.find((c) => c.text.startsWith("They also attacked"))!;
    expect(they.context).toMatch(/^Officials in Niamey said on Monday that \d+ soldiers/);
    expect(a.claims.filter((c) => !c.text.startsWith("They")).every((c) => c.context === null)).toBe(true);
  });
});

describe("setting aside and restoring", () => {
  it("takes a claim out of the queue with a reason, keeps it on its article, and restores it; a stale version is refused", async () => {
    const a = await article();
    const c = a.claims[0];
    const inQueue = async () => (await queuePage(queueFiltersSchema.parse({ article: a.id, assignee: "anyone" }), reviewer)).items.map((i) => i.id);
    expect(await inQueue()).toContain(c.id);
    const res = await setAsideClaim(db, reviewer, c.id, { version: c.version, reason: "opinion", note: "a view" });
    expect(res.version).toBe(c.version + 1);
    expect(await inQueue()).not.toContain(c.id);
    expect((await db.claim.findUniqueOrThrow({ where: { id: c.id } })).setAside).toBe("OPINION");
    await expect(setAsideClaim(db, reviewer, c.id, { version: c.version, reason: "vague" })).rejects.toMatchObject({ kind: "stale" });
    await restoreClaim(db, reviewer, c.id, { version: res.version });
    expect(await inQueue()).toContain(c.id);
    expect((await claimEdits(c.id)).map((e) => e.action)).toEqual(["restore", "set_aside"]);
  });
});

describe("spans", () => {
  it("adds a claim from a selection inside a skipped sentence, widened to the sentence, and queues matching", async () => {
    const a = await article();
    const at = a.text.indexOf("use force");
    const existing = a.claims.find((c) => c.start <= at && c.end > at);
    if (existing) await deleteClaim(db, reviewer, existing.id, {});
    const res = await addClaim(db, reviewer, { articleId: a.id, start: at, end: at + 5, snap: "sentence" }, { enqueue: enqueueInto(a.queued) });
    expect(res.text).toBe("The bloc has said it will use force only if diplomacy fails.");
    const c = await db.claim.findUniqueOrThrow({ where: { id: res.id } });
    expect([c.origin, a.text.slice(c.start, c.end)]).toEqual(["REVIEWER", c.text]);
    expect(a.queued).toEqual([a.id]);
    await expect(addClaim(db, reviewer, { articleId: a.id, start: at, end: at + 5, snap: "sentence" })).rejects.toMatchObject({ kind: "conflict" });
  });

  it("adjusts a span, takes the words from the offsets, and drops the machine's suggestions but not a reviewer's link", async () => {
    const a = await article();
    const b = await article("Curate Other");
    const c = a.claims[0];
    const [x, y] = b.claims;
    await db.claimLink.createMany({
      data: [
        { fromClaimId: c.id, toClaimId: x.id, relation: "SUPPORTS" },
        { fromClaimId: x.id, toClaimId: c.id, relation: "SUPPORTS" },
        { fromClaimId: c.id, toClaimId: y.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER" },
      ],
    });
    const start = c.start + "Officials in Niamey said on Monday that ".length;
    const res = await adjustClaimSpan(db, reviewer, c.id, { version: c.version, start, end: c.end, snap: "exact" }, { enqueue: enqueueInto(a.queued) });
    const after = await db.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.text).toBe(a.text.slice(start, c.end));
    expect(after.text).toMatch(/^\d+ soldiers had been deployed/);
    expect(after.version).toBe(res.version);
    expect(await db.claimLink.findMany({ where: { OR: [{ fromClaimId: c.id }, { toClaimId: c.id }] }, select: { toClaimId: true } })).toEqual([
      { toClaimId: y.id },
    ]);
    expect(a.queued).toEqual([a.id]);
    // Over another claim's words: refused.
    const other = a.claims[a.claims.length - 1];
    await expect(adjustClaimSpan(db, reviewer, c.id, { version: res.version, start: c.start, end: other.end, snap: "exact" })).rejects.toMatchObject({
      kind: "conflict",
    });
  });

  it("splits a claim at a clause break into two claims, both with history", async () => {
    const a = await article();
    const c = a.claims[0];
    const at = a.text.indexOf(", according", c.start) + 1;
    const res = await splitClaim(db, reviewer, c.id, { version: c.version, at }, { enqueue: enqueueInto(a.queued) });
    const [first, second] = await db.claim.findMany({ where: { id: { in: [c.id, res.newId] } }, orderBy: { start: "asc" } });
    expect(first.id).toBe(c.id);
    expect(first.text.endsWith("near Mali,")).toBe(true);
    expect(second.text).toBe("according to an army statement.");
    expect((await claimEdits(second.id)).map((e) => e.action)).toEqual(["split_from"]);
    await expect(splitClaim(db, reviewer, c.id, { version: res.version, at: c.start })).rejects.toMatchObject({ kind: "rule" });
  });
});

describe("merging duplicates", () => {
  it("moves the duplicate's links to the claim kept (a confirmed one stays confirmed) and sets the duplicate aside", async () => {
    const a = await article();
    const b = await article("Merge Other");
    const keep = a.claims[0];
    const dup = a.claims[a.claims.length - 1];
    const [x, y] = b.claims;
    await db.claimLink.createMany({
      data: [
        { fromClaimId: keep.id, toClaimId: x.id, relation: "SUPPORTS" },
        { fromClaimId: x.id, toClaimId: keep.id, relation: "SUPPORTS" },
        { fromClaimId: dup.id, toClaimId: x.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER" },
        { fromClaimId: x.id, toClaimId: dup.id, relation: "SUPPORTS", state: "CONFIRMED", origin: "REVIEWER" },
        { fromClaimId: dup.id, toClaimId: y.id, relation: "CONTRADICTS" },
        { fromClaimId: y.id, toClaimId: dup.id, relation: "CONTRADICTS" },
      ],
    });
    await mergeClaim(db, reviewer, dup.id, { version: dup.version, into: keep.id, intoVersion: keep.version });
    const links = await db.claimLink.findMany({
      where: { fromClaimId: keep.id },
      orderBy: { relation: "asc" },
      select: { toClaimId: true, state: true, relation: true },
    });
    expect(links).toEqual([
      { toClaimId: x.id, state: "CONFIRMED", relation: "SUPPORTS" },
      { toClaimId: y.id, state: "SUGGESTED", relation: "CONTRADICTS" },
    ]);
    expect(await db.claimLink.count({ where: { OR: [{ fromClaimId: dup.id }, { toClaimId: dup.id }] } })).toBe(0);
    expect(await db.claimLink.count({ where: { toClaimId: keep.id } })).toBe(2);
    const d = await db.claim.findUniqueOrThrow({ where: { id: dup.id } });
    expect([d.setAside, d.mergedIntoId]).toEqual(["DUPLICATE", keep.id]);
    // The suggested verdict follows the links moved over: the confirmed support (weighing 1) outweighs
    // the suggested contradiction of score 0 (decision 035).
    expect((await db.claim.findUniqueOrThrow({ where: { id: keep.id } })).suggestedVerdict).toBe("CORROBORATED");
    expect((await claimEdits(keep.id)).map((e) => e.action)).toEqual(["merge"]);
    await expect(mergeClaim(db, reviewer, keep.id, { version: 99, into: keep.id, intoVersion: 1 })).rejects.toMatchObject({ kind: "rule" });
    await expect(mergeClaim(db, reviewer, x.id, { version: x.version, into: keep.id, intoVersion: keep.version + 1 })).rejects.toMatchObject({ kind: "rule" });
  });
});

describe("deleting a claim", () => {
  it("removes a junk claim with its edits; a reviewed one only when forced with a reason", async () => {
    const a = await article();
    const [c, r] = a.claims;
    await setAsideClaim(db, reviewer, c.id, { version: c.version, reason: "vague" });
    await deleteClaim(db, reviewer, c.id, {});
    expect(await db.claim.count({ where: { id: c.id } })).toBe(0);
    expect(await db.claimEdit.count({ where: { claimId: c.id } })).toBe(0);
    await db.claim.update({ where: { id: r.id }, data: { status: "SINGLE_SOURCED" } });
    await expect(deleteClaim(db, reviewer, r.id, {})).rejects.toMatchObject({ kind: "conflict" });
    await deleteClaim(db, reviewer, r.id, { force: true, reason: "junk" });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "claim.delete", entityId: r.id } });
    expect(log.data).toMatchObject({ forced: true, reason: "junk", claim: { id: r.id, status: "SINGLE_SOURCED" } });
  });
});
