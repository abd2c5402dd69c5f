import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "../../tests/db";
import { fixtureServer } from "../../tests/fixture-server";
import { newsPage, STORY_V1, STORY_V2 } from "../../tests/news-page";
import { userWithToken } from "../../tests/factories";
import { parseAllowHosts } from "../fetch/safe-fetch";
import { importArticleFromUrl } from "../articles/import-url";
import { importArticle } from "../articles/mutations";
import { refetchArticle } from "../articles/versions";
import { saveVerdict } from "../verdicts/mutations";
import { approveClaim } from "../publishing/mutations";
import { claimWithLinks } from "../claims/data";
import { presentClaimPage } from "../claims/present";
import { annotationsExport, claimsCsvStream, claimReviewStream, reviewedClaim } from "./data";
import type { Db } from "../db/client";

// Item 4 of issue 14: what leaves the desk says which version a claim was anchored on, and a
// published review whose source changed afterwards carries a note.
const PORT = 3246;
const fetchOptions = { allowHosts: parseAllowHosts(`127.0.0.1:${PORT}`) };
const SITE = "https://desk.example";
let db: Db;
let page = newsPage(STORY_V1);
let tollId: string;
let articleId: string;

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  const reviewer = (await userWithToken(db, "REVIEWER")).user.id;
  const admin = (await userWithToken(db, "ADMIN")).user.id;
  const s = await fixtureServer(PORT);
  s.routes["/story"] = (_q, r) => void r.writeHead(200, { "content-type": "text/html" }).end(page);
  articleId = (await importArticleFromUrl(db, { url: `http://127.0.0.1:${PORT}/story`, actorId: null, fetchOptions })).articleId;
  const other = await importArticle(db, null, {
    outlet: "River Wire",
    text: "Rescue teams worked through flooded villages on Tuesday. Some 12,000 residents of the delta were evacuated to shelters, the provincial disaster agency told reporters in the regional capital.",
  });
  const toll = await db.claim.findFirstOrThrow({ where: { articleId, text: { contains: "12,000" } } });
  const evidence = await db.claim.findFirstOrThrow({ where: { articleId: other.articleId, text: { contains: "12,000" } } });
  tollId = toll.id;
  const saved = await saveVerdict(db, reviewer, toll.id, {
    verdict: "corroborated",
    links: [{ claimId: evidence.id, relation: "supports" }],
    version: toll.version,
    rationale: "River Wire reports the same figure.",
  });
  await approveClaim(db, admin, toll.id, saved.claim.version);
  page = newsPage(STORY_V2);
  await refetchArticle(db, { articleId, actorId: null, fetchOptions });
});

describe("exports after the source changed", () => {
  it("the claim API carries the anchored version and the change", async () => {
    const { claim } = presentClaimPage((await claimWithLinks(db, tollId))!);
    expect(claim).toMatchObject({ anchoredVersion: 1, sourceChanged: true, sourceChange: { kind: "changed", toVersion: 2 } });
  });

  it("the published review and its ClaimReview show the change in a note, the verdict kept", async () => {
    const pub = await reviewedClaim(db, tollId);
    expect(pub?.status).toBe("CORROBORATED");
    expect(pub?.sourceNote).toContain("18,000 people");
    const graph = JSON.parse(await text(await claimReviewStream(db, {}, { siteUrl: SITE, organisation: { name: "Desk", url: null } })))["@graph"];
    const review = graph.find((r: { url: string }) => r.url.endsWith(tollId));
    expect(review.reviewBody).toContain("River Wire reports the same figure.");
    expect(review.reviewBody).toContain("the source article was changed after this review");
  });

  it("Web Annotations target the version-1 snapshot with a TimeState; positions index that version", async () => {
    const doc = await annotationsExport(db, SITE, undefined);
    const items = (
      doc as {
        first: {
          items: {
            target: {
              source: string;
              state?: { type: string; cached: string; sourceDate: string };
              selector: { type: string; start?: number; end?: number; exact?: string }[];
            }[];
          }[];
        };
      }
    ).first.items;
    expect(items).toHaveLength(1);
    const targets = items[0].target;
    const toll = await db.claim.findUniqueOrThrow({ where: { id: tollId } });
    const moved = targets.find((t) => t.selector[0].exact === toll.text)!;
    const snap = await db.articleVersion.findFirstOrThrow({ where: { articleId, number: 1 }, select: { snapshotId: true, text: true } });
    expect(moved.state).toMatchObject({ type: "TimeState", cached: `${SITE}/articles/${articleId}/snapshots?s=${snap.snapshotId}` });
    const pos = moved.selector.find((s) => s.type === "TextPositionSelector")!;
    expect(snap.text.slice(pos.start, pos.end)).toBe(moved.selector[0].exact);
    const evidence = targets.find((t) => t !== moved)!;
    expect(evidence.state).toBeUndefined();
  });

  it("the claims CSV names the version and the change", async () => {
    const csv = await text(claimsCsvStream(db, {}));
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header.endsWith("article_version,source_changed")).toBe(true);
    const row = rows.find((r) => r.includes(tollId))!;
    expect(row).toMatch(/,1,"?changed in version 2: now reads “Officials in the delta province said on Monday that 18,000/);
  });
});
