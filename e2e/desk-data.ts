import crypto from "node:crypto";
import { e2eDb } from "./fixtures";

// The e2e desk keeps its data between runs, so each test first puts its claim back to unreviewed
// with its matcher suggestions open (test set-up only; the app itself never rewrites history).
export async function freshClaim(id: string): Promise<string>;
export async function freshClaim(outlet: string, phrase: string): Promise<string>;
export async function freshClaim(outletOrId: string, phrase?: string): Promise<string> {
  const db = await e2eDb();
  const claim =
    phrase === undefined
      ? await db.claim.findUniqueOrThrow({ where: { id: outletOrId } })
      : await db.claim.findFirstOrThrow({ where: { text: { contains: phrase }, article: { outlet: { name: outletOrId } } } });
  const partners = (await db.claimLink.findMany({ where: { fromClaimId: claim.id }, select: { toClaimId: true } })).map((l) => l.toClaimId);
  await db.claim.updateMany({
    where: { id: { in: [claim.id, ...partners] } },
    data: { status: "UNREVIEWED", version: { increment: 1 }, needsReview: false, needsReviewReason: null, awaitingApproval: false },
  });
  await db.claimLink.updateMany({ where: { OR: [{ fromClaimId: claim.id }, { toClaimId: claim.id }], origin: "SUGGESTED" }, data: { state: "SUGGESTED" } });
  await db.claimLink.updateMany({ where: { OR: [{ fromClaimId: claim.id }, { toClaimId: claim.id }], origin: "REVIEWER" }, data: { state: "REJECTED" } });
  return claim.id;
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A claim whose best stored suggestion (the first on its page) is an independent "supports" one,
// preferring the given claim; the matcher's exact output may change, the flows should not.
export async function claimWithSupport(exclude: string[], prefer?: [string, string]) {
  const db = await e2eDb();
  const preferred = prefer && (await db.claim.findFirst({ where: { text: { contains: prefer[1] }, article: { outlet: { name: prefer[0] } } } }));
  const candidates = await db.claim.findMany({
    where: { id: { notIn: exclude }, linksFrom: { some: { relation: "SUPPORTS", independent: true, origin: "SUGGESTED" } } },
    orderBy: [{ checkworthiness: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  for (const c of [...(preferred ? [preferred] : []), ...candidates]) {
    const id = await freshClaim(c.id);
    const best = await db.claimLink.findFirst({
      where: { fromClaimId: id, state: "SUGGESTED", toClaim: { article: { claims: { none: { id } } } } },
      orderBy: [{ score: "desc" }, { toClaimId: "asc" }],
      select: { relation: true, independent: true, toClaim: { select: { text: true, article: { select: { outlet: { select: { name: true } } } } } } },
    });
    if (best?.relation === "SUPPORTS" && best.independent) return { id, outlet: best.toClaim.article.outlet.name, text: best.toClaim.text };
  }
  throw new Error("No claim with an independent supporting suggestion on the e2e desk.");
}

/**
 * A small desk of its own, so a test can change origin groups or publish without touching the
 * seed claims other specs use: a claim in outlet A corroborated by outlet B (confirmed, both ways),
 * optionally contradicted by outlet C, with the verdict's history row.
 */
export async function isolatedClaim(reviewerId: string, opts: { contradicted?: boolean } = {}) {
  const db = await e2eDb();
  const tag = crypto.randomBytes(4).toString("hex");
  const outlet = (n: string) => db.outlet.create({ data: { name: `E2E ${n} ${tag}` } });
  const [a, b, c] = [await outlet("Herald"), await outlet("Courier"), await outlet("Sentinel")];
  const make = async (outletId: string, text: string, status: "UNREVIEWED" | "CORROBORATED" = "UNREVIEWED") => {
    const article = await db.article.create({
      data: { outletId, text, rawText: text, contentHash: `e2e-${tag}-${outletId}`, title: `Dam ${tag}`, url: `https://news.example/${tag}/${outletId}` },
    });
    return db.claim.create({
      data: { articleId: article.id, text, start: 0, end: text.length, status, checkworthiness: 0.99, awaitingApproval: status !== "UNREVIEWED" },
    });
  };
  const claim = await make(a.id, `The dam ${tag} will open on 3 March, the Kremlin said.`, "CORROBORATED");
  const support = await make(b.id, `The dam ${tag} opens on 3 March, officials confirmed.`);
  const against = opts.contradicted ? await make(c.id, `The dam ${tag} will not open before June, engineers said.`) : null;
  const pair = (x: string, y: string, relation: "SUPPORTS" | "CONTRADICTS") => [
    {
      fromClaimId: x,
      toClaimId: y,
      relation,
      state: "CONFIRMED" as const,
      origin: "REVIEWER" as const,
      createdById: reviewerId,
      confirmedById: reviewerId,
      confirmedAt: new Date(),
    },
    {
      fromClaimId: y,
      toClaimId: x,
      relation,
      state: "CONFIRMED" as const,
      origin: "REVIEWER" as const,
      createdById: reviewerId,
      confirmedById: reviewerId,
      confirmedAt: new Date(),
    },
  ];
  await db.claimLink.createMany({ data: [...pair(claim.id, support.id, "SUPPORTS"), ...(against ? pair(claim.id, against.id, "CONTRADICTS") : [])] });
  await db.verdictEvent.create({
    data: {
      claimId: claim.id,
      actorId: reviewerId,
      verdict: "CORROBORATED",
      previous: "UNREVIEWED",
      rationale: "The officials' confirmation outweighs the engineers' doubt.",
      linkedClaimIds: [support.id],
      kind: "VERDICT",
    },
  });
  return { claim, support, against, outlets: { a, b, c }, tag };
}
