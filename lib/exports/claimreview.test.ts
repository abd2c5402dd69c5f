import { describe, it, expect } from "vitest";
import { buildClaimReview, jsonForScript, shortenClaim, type ClaimReviewSubject } from "./claimreview";

const long = "The city council approved a budget of 4.2 billion dollars on Tuesday, raising spending on transit by twelve percent over last year.";

describe("shortenClaim", () => {
  it("keeps a short claim whole", () => {
    expect(shortenClaim("Prices rose 3% in May.")).toBe("Prices rose 3% in May.");
  });

  it("cuts at a word boundary, within 75 characters including the ellipsis", () => {
    const s = shortenClaim(long);
    expect(s.length).toBeLessThanOrEqual(75);
    expect(s.endsWith("…")).toBe(true);
    const kept = s.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toMatch(/[\s,]/);
    expect(kept).toBe("The city council approved a budget of 4.2 billion dollars on Tuesday");
  });

  it("cuts a single overlong word inside it", () => {
    const s = shortenClaim("x".repeat(100));
    expect(s).toBe("x".repeat(74) + "…");
  });

  it("is exact at the limit", () => {
    const exactly = "a ".repeat(37) + "b"; // 75 characters
    expect(shortenClaim(exactly)).toBe(exactly);
  });
});

const outlet = { name: "Daily Planet", domain: "dailyplanet.example" };
const subject: ClaimReviewSubject = {
  id: "11111111-1111-4111-8111-111111111111",
  text: long,
  status: "CORROBORATED",
  updatedAt: new Date("2026-03-05T10:00:00Z"),
  article: { id: "a1", url: "https://dailyplanet.example/budget", title: "Budget passes", publishedAt: new Date("2026-03-02T08:00:00Z"), outlet },
  supporting: [
    { id: "a2", url: null, title: null, publishedAt: new Date("2026-03-01T08:00:00Z"), outlet: { name: "Wire", domain: null } },
    { id: "a1", url: "https://dailyplanet.example/budget", title: "Budget passes", publishedAt: new Date("2026-03-02T08:00:00Z"), outlet },
  ],
  latestVerdictAt: new Date("2026-03-04T12:00:00Z"),
  rationale: "Two independent outlets.",
};
const ctx = { siteUrl: "https://desk.example", organisation: { name: "Fact Desk", url: "https://factdesk.example" } };

describe("buildClaimReview", () => {
  const r = buildClaimReview(subject, ctx);

  it("has Google's required fields", () => {
    expect(r["@type"]).toBe("ClaimReview");
    expect(r.claimReviewed.length).toBeGreaterThan(0);
    expect(r.claimReviewed.length).toBeLessThanOrEqual(75);
    expect(r.reviewRating.alternateName ?? r.reviewRating.ratingValue).toBeTruthy();
    expect(r.url).toBe("https://desk.example/r/11111111-1111-4111-8111-111111111111");
  });

  it("rates on the documented 1..3 scale with the verdict's label", () => {
    expect(r.reviewRating).toEqual({ "@type": "Rating", alternateName: "Corroborated", ratingValue: 3, bestRating: 3, worstRating: 1 });
    expect(buildClaimReview({ ...subject, status: "SINGLE_SOURCED" }, ctx).reviewRating).toMatchObject({ alternateName: "Single-sourced", ratingValue: 2 });
    expect(buildClaimReview({ ...subject, status: "CONTRADICTED" }, ctx).reviewRating).toMatchObject({ alternateName: "Contradicted", ratingValue: 1 });
  });

  it("lists each appearance once, the earliest as firstAppearance, the outlet as the claim's author", () => {
    expect(r.text).toBe(long);
    expect(r.itemReviewed["@type"]).toBe("Claim");
    expect(r.itemReviewed.appearance.map((a) => a.url)).toEqual(["https://dailyplanet.example/budget", "https://desk.example/articles/a2"]);
    expect(r.itemReviewed.appearance.every((a) => a["@type"] === "CreativeWork")).toBe(true);
    expect(r.itemReviewed.firstAppearance.url).toBe("https://desk.example/articles/a2");
    expect(r.itemReviewed.author).toEqual({ "@type": "Organization", name: "Daily Planet", url: "https://dailyplanet.example" });
  });

  it("names the organisation from settings and dates the review by its latest verdict", () => {
    expect(r.author).toEqual({ "@type": "Organization", name: "Fact Desk", url: "https://factdesk.example" });
    expect(r.datePublished).toBe("2026-03-04");
    expect(buildClaimReview({ ...subject, latestVerdictAt: null }, ctx).datePublished).toBe("2026-03-05");
    expect(r.reviewBody).toBe("Two independent outlets.");
  });
});

describe("jsonForScript", () => {
  it("cannot close the script or open a comment, and still parses to the same value", () => {
    const v = { text: "</script><script>alert(1)</script> <!-- x" };
    const s = jsonForScript(v);
    expect(s).not.toContain("</script");
    expect(s).not.toContain("<!--");
    expect(s).not.toContain("<");
    expect(JSON.parse(s)).toEqual(v);
  });
});
