import type { Db } from "../lib/db/client";
import { approveClaim } from "../lib/publishing/mutations";

// A small reviewed desk for the export tests, written straight through Prisma (the verdict code
// belongs to lib/verdicts): two outlets, three articles, reviewed and unreviewed claims, a confirmed
// SUPPORTS pair (stored both ways, as the desk stores links), a CONTRADICTS link and verdict events.
// bridgeA and closed are approved for publication (by `reviewerId`: the role is checked by the
// routes, not here); bridgeB's verdict breaks a rule (single-sourced beside independent support), so it is not.
export const TRICKY = 'The minister said, "we will not resign"\nand left the room.';
export const FORMULA = '=HYPERLINK("http://evil.example","click") claims 12 deaths.';

const TEXT_A = `Officials met on Monday. The bridge will reopen in May after repairs costing 3 million euros. ${TRICKY} Nothing else.`;
const TEXT_B = `In other news, the bridge will reopen in May after repairs costing 3 million euros. Critics disagree.`;
const TEXT_C = `${FORMULA} The bridge will stay closed until 2030, engineers said.`;

function at(text: string, sentence: string) {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`not in text: ${sentence}`);
  const end = start + sentence.length;
  return { text: sentence, start, end, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

export const CONFIRMED_AT = new Date("2026-05-02T12:00:00Z");

export async function seedReviewedDesk(db: Db, reviewerId: string) {
  const planet = await db.outlet.create({ data: { name: `Daily Planet ${Math.random()}`, domain: "dailyplanet.example" } });
  const wire = await db.outlet.create({ data: { name: `Wire ${Math.random()}` } });
  const mk = (outletId: string, text: string, extra: object) =>
    db.article.create({ data: { outletId, text, rawText: text, contentHash: `${Math.random()}`, ...extra } });
  const a = await mk(planet.id, TEXT_A, {
    title: "Bridge to reopen",
    url: "https://dailyplanet.example/bridge",
    publishedAt: new Date("2026-05-02T08:00:00Z"),
  });
  const b = await mk(wire.id, TEXT_B, { title: "Wire: bridge", publishedAt: new Date("2026-05-01T08:00:00Z") });
  const c = await mk(wire.id, TEXT_C, { title: null });

  const claim = (articleId: string, text: string, sentence: string, data: object = {}) =>
    db.claim.create({ data: { articleId, ...at(text, sentence), checkworthiness: 0.8, ...data } });
  const bridgeA = await claim(a.id, TEXT_A, "The bridge will reopen in May after repairs costing 3 million euros.", { status: "CORROBORATED" });
  const bridgeB = await claim(b.id, TEXT_B, "In other news, the bridge will reopen in May after repairs costing 3 million euros.", {
    status: "SINGLE_SOURCED",
  });
  const tricky = await claim(a.id, TEXT_A, TRICKY);
  const formula = await claim(c.id, TEXT_C, FORMULA, { checkworthiness: 0.4 });
  const closed = await claim(c.id, TEXT_C, "The bridge will stay closed until 2030, engineers said.", { status: "CONTRADICTED" });

  await db.claimLink.createMany({
    data: [
      {
        fromClaimId: bridgeA.id,
        toClaimId: bridgeB.id,
        relation: "SUPPORTS",
        state: "CONFIRMED",
        origin: "REVIEWER",
        createdById: reviewerId,
        confirmedById: reviewerId,
        confirmedAt: CONFIRMED_AT,
        score: 0.9,
      },
      {
        fromClaimId: bridgeB.id,
        toClaimId: bridgeA.id,
        relation: "SUPPORTS",
        state: "CONFIRMED",
        origin: "REVIEWER",
        createdById: reviewerId,
        confirmedById: reviewerId,
        confirmedAt: CONFIRMED_AT,
        score: 0.9,
      },
      {
        fromClaimId: closed.id,
        toClaimId: bridgeA.id,
        relation: "CONTRADICTS",
        state: "CONFIRMED",
        origin: "REVIEWER",
        createdById: reviewerId,
        confirmedById: reviewerId,
        confirmedAt: CONFIRMED_AT,
        score: 0.7,
      },
      {
        fromClaimId: bridgeA.id,
        toClaimId: closed.id,
        relation: "CONTRADICTS",
        state: "CONFIRMED",
        origin: "REVIEWER",
        createdById: reviewerId,
        confirmedById: reviewerId,
        confirmedAt: CONFIRMED_AT,
        score: 0.7,
      },
      // Suggestions and rejections are not exported.
      { fromClaimId: tricky.id, toClaimId: formula.id, relation: "SUPPORTS", state: "SUGGESTED", score: 0.3 },
      { fromClaimId: formula.id, toClaimId: tricky.id, relation: "SUPPORTS", state: "REJECTED", score: 0.3 },
    ],
  });
  await db.verdictEvent.createMany({
    data: [
      {
        claimId: bridgeA.id,
        actorId: reviewerId,
        verdict: "CORROBORATED",
        previous: "UNREVIEWED",
        rationale: "Two outlets, one of them independent.",
        linkedClaimIds: [bridgeB.id],
        kind: "VERDICT",
        at: new Date("2026-05-03T09:00:00Z"),
      },
      {
        claimId: bridgeA.id,
        actorId: reviewerId,
        verdict: "CORROBORATED",
        previous: "CORROBORATED",
        linkedClaimIds: [closed.id],
        at: new Date("2026-05-04T09:00:00Z"),
        kind: "LINK",
        linkChange: "LINKED_CONTRADICTS",
      },
      {
        claimId: bridgeB.id,
        actorId: reviewerId,
        verdict: "SINGLE_SOURCED",
        previous: "UNREVIEWED",
        rationale: "=cmd|' /C calc'!A0",
        linkedClaimIds: [],
        kind: "VERDICT",
        at: new Date("2026-05-03T10:00:00Z"),
      },
      {
        claimId: closed.id,
        actorId: reviewerId,
        verdict: "CONTRADICTED",
        previous: "UNREVIEWED",
        rationale: "</script><script>alert(1)</script>",
        linkedClaimIds: [bridgeA.id],
        kind: "VERDICT",
        at: new Date("2026-05-05T10:00:00Z"),
      },
    ],
  });
  await db.claim.updateMany({ where: { id: { in: [bridgeA.id, bridgeB.id, closed.id] } }, data: { awaitingApproval: true } });
  for (const c of [bridgeA, closed]) await approveClaim(db, reviewerId, c.id, c.version);
  return {
    articles: { a, b, c },
    claims: { bridgeA, bridgeB, tricky, formula, closed },
    texts: { [a.id]: TEXT_A, [b.id]: TEXT_B, [c.id]: TEXT_C } as Record<string, string>,
  };
}
