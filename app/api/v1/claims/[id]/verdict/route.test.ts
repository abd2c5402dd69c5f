import { describe, it, expect, beforeAll } from "vitest";
import { freshDesk } from "@/tests/desk";
import { apiRequest, ctx } from "@/tests/factories";
import { suggestedPairs } from "@/tests/verdict-pairs";
import { POST } from "./route";
import { GET as HISTORY } from "../history/route";

const { db, admin, reviewer } = await freshDesk({ seed: true });

const save = (id: string, body: unknown, token: string | null = reviewer.token) =>
  POST(apiRequest(`/api/v1/claims/${id}/verdict`, { token: token ?? undefined, body }), ctx({ id }));
const history = (id: string, token: string | null = reviewer.token) =>
  HISTORY(apiRequest(`/api/v1/claims/${id}/history`, { token: token ?? undefined }), ctx({ id }));
const claimIn = async (outlet: string, phrase: string) =>
  (await db.claim.findFirstOrThrow({ where: { text: { contains: phrase }, article: { outlet: { name: outlet } } } })).id;

// Everything a verdict save may write, to prove a refused save wrote nothing.
async function snapshot(id: string) {
  const [claim, links, events, audit] = await Promise.all([
    db.claim.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, updatedAt: true } }),
    db.claimLink.findMany({ where: { OR: [{ fromClaimId: id }, { toClaimId: id }] }, orderBy: { id: "asc" } }),
    db.verdictEvent.count(),
    db.auditLog.count({ where: { action: { startsWith: "claim." } } }),
  ]);
  return { claim, links, events, audit, claims: await db.claim.count() };
}

// subject/partner: the best pair of claims with a stored independent "supports" suggestion between
// them; spare: a claim of another such pair.
let subject: string;
let partner: string;
let partnerOutlet: string;
let spare: string;

beforeAll(async () => {
  const pairs = await suggestedPairs(db);
  [[subject, partner], [spare]] = pairs;
  partnerOutlet = (await db.claim.findUniqueOrThrow({ where: { id: partner }, select: { article: { select: { outlet: true } } } })).article.outlet.name;
});

describe("verdict API refusals", () => {
  it("a stranger gets 401, a bad token 401, and nothing changes", async () => {
    const before = await snapshot(subject);
    for (const token of [null, "tri_forged"]) {
      const res = await save(subject, { verdict: "single_sourced", version: 1 }, token);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });
      expect((await history(subject, token)).status).toBe(401);
    }
    expect(await snapshot(subject)).toEqual(before);
  });

  it.each([
    ["an unknown verdict", { verdict: "maybe", version: 1 }],
    ["no version", { verdict: "single_sourced" }],
    ["a version as text", { verdict: "single_sourced", version: "1" }],
    ["a bad relation", { verdict: "corroborated", version: 1, links: [{ claimId: "00000000-0000-4000-8000-000000000000", relation: "agrees" }] }],
    [
      "a claim listed twice",
      {
        verdict: "corroborated",
        version: 1,
        links: [
          { claimId: "00000000-0000-4000-8000-000000000000", relation: "supports" },
          { claimId: "00000000-0000-4000-8000-000000000000", relation: "contradicts" },
        ],
      },
    ],
  ])("answers 400 with issues for %s", async (_n, body) => {
    const before = await snapshot(subject);
    const res = await save(subject, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", issues: expect.any(Array) });
    expect(await snapshot(subject)).toEqual(before);
  });

  it("answers 400 for malformed JSON and for a malformed claim id", async () => {
    const res = await POST(apiRequest(`/api/v1/claims/${subject}/verdict`, { token: reviewer.token, rawBody: "{nope" }), ctx({ id: subject }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("invalid_json");
    expect((await save("not-a-uuid", { verdict: "single_sourced", version: 1 })).status).toBe(400);
  });

  it("answers 404 for an unknown claim, and for an unknown claim to link", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const res = await save(unknown, { verdict: "single_sourced", version: 1 });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "not_found" });
    expect((await history(unknown)).status).toBe(404);
    const before = await snapshot(subject);
    const link = await save(subject, { verdict: "corroborated", version: 1, links: [{ claimId: unknown, relation: "supports" }] });
    expect(link.status).toBe(404);
    expect(await snapshot(subject)).toEqual(before);
  });

  it("answers 422 for a link to a claim of the same article", async () => {
    const sibling = (
      await db.claim.findFirstOrThrow({ where: { articleId: (await db.claim.findUniqueOrThrow({ where: { id: subject } })).articleId, id: { not: subject } } })
    ).id;
    const before = await snapshot(subject);
    const res = await save(subject, { verdict: "corroborated", version: 1, links: [{ claimId: sibling, relation: "supports" }] });
    expect(res.status).toBe(422);
    expect((await res.json()).message).toMatch(/own article/);
    expect(await snapshot(subject)).toEqual(before);
  });

  it("answers 422 for corroborated without a confirmed independent supporting link, writing nothing", async () => {
    const before = await snapshot(subject);
    expect(before.links.some((l) => l.state === "SUGGESTED" && l.relation === "SUPPORTS" && l.independent)).toBe(true);
    const res = await save(subject, { verdict: "corroborated", rationale: "Two outlets say so", version: 1 });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: "unprocessable", message: expect.stringMatching(/Corroborated needs/) });
    expect(await snapshot(subject)).toEqual(before);
    expect((await (await history(subject)).json()).items).toEqual([]);
  });

  it("answers 422 when the only support comes from the same origin group, and rolls the new link back", async () => {
    const moscow = await claimIn("The Moscow Times", "");
    const today = await db.claim.findFirstOrThrow({
      where: { article: { outlet: { name: "TODAY" } }, linksFrom: { none: { toClaimId: moscow } } },
    });
    await db.outlet.updateMany({ where: { name: { in: ["TODAY", "The Moscow Times"] } }, data: { originGroup: "test-group" } });
    const before = await snapshot(moscow);
    const res = await save(moscow, { verdict: "corroborated", version: 1, links: [{ claimId: today.id, relation: "supports" }] });
    expect(res.status).toBe(422);
    expect(await snapshot(moscow)).toEqual(before);
    await db.outlet.updateMany({ where: { name: { in: ["TODAY", "The Moscow Times"] } }, data: { originGroup: null } });
  });
});

describe("saving a verdict", () => {
  it("confirms the listed link in both directions, bumps the version and appends history", async () => {
    const others = await db.claimLink.count({ where: { fromClaimId: subject, state: "SUGGESTED", toClaimId: { not: partner } } });
    const res = await save(subject, {
      verdict: "corroborated",
      rationale: "Another outlet reports the same words.",
      version: 1,
      links: [{ claimId: partner, relation: "supports" }],
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["claim", "links"]);
    expect(body.claim).toMatchObject({ id: subject, status: "corroborated", version: 2 });
    expect(body.links).toEqual([expect.objectContaining({ relation: "supports", independent: true, claim: expect.objectContaining({ id: partner }) })]);

    const pair = await db.claimLink.findMany({
      where: {
        OR: [
          { fromClaimId: subject, toClaimId: partner },
          { fromClaimId: partner, toClaimId: subject },
        ],
      },
    });
    expect(pair).toHaveLength(2);
    for (const l of pair) expect(l).toMatchObject({ state: "CONFIRMED", relation: "SUPPORTS", origin: "SUGGESTED", version: 2 });
    // Suggestions not listed stay suggestions.
    expect(await db.claimLink.count({ where: { fromClaimId: subject, state: "SUGGESTED" } })).toBe(others);

    const events = await db.verdictEvent.findMany({ where: { claimId: subject } });
    expect(events).toEqual([
      expect.objectContaining({
        actorId: reviewer.user.id,
        previous: "UNREVIEWED",
        verdict: "CORROBORATED",
        rationale: "Another outlet reports the same words.",
        linkedClaimIds: [partner],
      }),
    ]);
    expect(await db.verdictEvent.findMany({ where: { claimId: partner } })).toEqual([
      expect.objectContaining({
        verdict: "UNREVIEWED",
        previous: "UNREVIEWED",
        linkedClaimIds: [subject],
        rationale: null,
        kind: "LINK",
        linkChange: "LINKED_SUPPORTS",
      }),
    ]);
    expect(await db.auditLog.findFirst({ where: { action: "claim.verdict", entityId: subject } })).toMatchObject({ actorId: reviewer.user.id });
  });

  it("answers 409 with the current claim for a stale version, naming who changed what, and writes nothing", async () => {
    const before = await snapshot(subject);
    const res = await save(subject, { verdict: "single_sourced", version: 1 }, admin.token);
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body).toMatchObject({ error: "stale_version", current: { id: subject, status: "corroborated", version: 2 } });
    expect(body.message).toMatch(/^REVIEWER user changed this claim to Corroborated at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await snapshot(subject)).toEqual(before);
  });

  it("lets an admin save over the current version and lists history newest first with the actor", async () => {
    const res = await save(subject, { verdict: "contradicted", version: 2, links: [{ claimId: partner, relation: "contradicts" }] }, admin.token);
    expect(res.status).toBe(200);
    expect((await res.json()).claim).toMatchObject({ status: "contradicted", version: 3 });
    const first = await db.verdictEvent.findFirstOrThrow({ where: { claimId: subject, previous: "UNREVIEWED" } });

    const h = await history(subject);
    expect(h.status).toBe(200);
    const { items } = await h.json();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      kind: "verdict",
      actor: { id: admin.user.id, email: admin.user.email, name: "ADMIN user" },
      previous: "corroborated",
      verdict: "contradicted",
      rationale: null,
      links: [expect.objectContaining({ claimId: partner, outlet: partnerOutlet })],
    });
    expect(items[1]).toMatchObject({
      actor: { id: reviewer.user.id },
      previous: "unreviewed",
      verdict: "corroborated",
      rationale: "Another outlet reports the same words.",
    });
    expect(Date.parse(items[0].at)).toBeGreaterThanOrEqual(Date.parse(items[1].at));
    // Append-only: the first row is exactly as it was written.
    expect(await db.verdictEvent.findUniqueOrThrow({ where: { id: first.id } })).toEqual(first);
    const partnerHistory = await (await history(partner)).json();
    expect(partnerHistory.items.map((i: { kind: string; linkChange: string; rationale: string }) => [i.kind, i.linkChange, i.rationale])).toEqual([
      ["link", "linked_contradicts", null],
      ["link", "linked_supports", null],
    ]);
  });

  it("lets exactly one of two concurrent saves with the same version through", async () => {
    const id = spare;
    const before = await db.claim.findUniqueOrThrow({ where: { id } });
    const [a, b] = await Promise.all([
      save(id, { verdict: "single_sourced", rationale: "first", version: before.version }),
      save(id, { verdict: "single_sourced", rationale: "second", version: before.version }, admin.token),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = await (a.status === 409 ? a : b).json();
    expect(loser).toMatchObject({ error: "stale_version", current: { version: before.version + 1, status: "single_sourced" } });
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).version).toBe(before.version + 1);
    expect(await db.verdictEvent.count({ where: { claimId: id } })).toBe(1);
  });
});
