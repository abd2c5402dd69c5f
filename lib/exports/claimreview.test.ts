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
const wire = {
  id: "a2",
  url: "https://wire.example/budget",
  title: null,
  publishedAt: new Date("2026-03-01T08:00:00Z"),
  outlet: { name: "Wire", domain: null },
};
const subject: ClaimReviewSubject = {
  id: "11111111-1111-4111-8111-111111111111",
  text: long,
  attribution: "the Kremlin",
  article: { id: "a1", url: "https://dailyplanet.example/budget", title: "Budget passes", publishedAt: new Date("2026-03-02T08:00:00Z"), outlet },
  status: "CORROBORATED",
  disputed: false,
  rationale: "Two independent outlets.",
  approvedAt: new Date("2026-03-04T12:00:00Z"),
  evidence: [{ relation: "SUPPORTS", independent: true, claim: { id: "c2", text: "Budget passed.", prefix: "", suffix: "", article: wire } }],
};
const ctx = { siteUrl: "https://desk.example", organisation: { name: "Fact Desk", url: "https://factdesk.example" } };

describe("buildClaimReview", () => {
  const r = buildClaimReview(subject, ctx);

  it("has Google's required and recommended fields", () => {
    // Required: claimReviewed, reviewRating (alternateName), url; recommended: author, datePublished, itemReviewed (author, appearance / firstAppearance).
    expect(r["@type"]).toBe("ClaimReview");
    expect(r.claimReviewed.length).toBeGreaterThan(0);
    expect(r.claimReviewed.length).toBeLessThanOrEqual(75);
    expect(r.reviewRating.alternateName).toBeTruthy();
    expect(r.url).toBe("https://desk.example/r/11111111-1111-4111-8111-111111111111");
    expect(r.author.name).toBe("Fact Desk");
    expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.itemReviewed.author.name).toBeTruthy();
    expect(r.itemReviewed.firstAppearance?.url).toBeTruthy();
  });

  it("rates on the documented 1..3 scale with the verdict's label", () => {
    expect(r.reviewRating).toEqual({ "@type": "Rating", alternateName: "Corroborated", ratingValue: 3, bestRating: 3, worstRating: 1 });
    expect(buildClaimReview({ ...subject, status: "SINGLE_SOURCED" }, ctx).reviewRating).toMatchObject({ alternateName: "Single-sourced", ratingValue: 2 });
    expect(buildClaimReview({ ...subject, status: "CONTRADICTED" }, ctx).reviewRating).toMatchObject({ alternateName: "Contradicted", ratingValue: 1 });
  });

  it("marks a corroborated claim with contradicting evidence as disputed, naming the contradicting outlet", () => {
    const disputed = buildClaimReview(
      {
        ...subject,
        disputed: true,
        evidence: [
          ...subject.evidence,
          {
            relation: "CONTRADICTS",
            independent: true,
            claim: { id: "c3", text: "No budget.", prefix: "", suffix: "", article: { ...wire, id: "a3", outlet: { name: "Africanews", domain: null } } },
          },
        ],
      },
      ctx,
    );
    expect(disputed.reviewRating).toMatchObject({
      alternateName: "Corroborated (disputed)",
      ratingValue: 3,
      ratingExplanation: "Disputed: contradicted by Africanews.",
    });
  });

  it("names the claimant as the claim's author, the outlet as the appearance's publisher, and only the claim's own article as an appearance", () => {
    expect(r.text).toBe(long);
    expect(r.itemReviewed["@type"]).toBe("Claim");
    expect(r.itemReviewed.author).toEqual({ "@type": "Organization", name: "the Kremlin" });
    expect(buildClaimReview({ ...subject, attribution: "Dmitry Peskov" }, ctx).itemReviewed.author).toEqual({ "@type": "Person", name: "Dmitry Peskov" });
    // Acronyms name bodies, with no list of which bodies a story mentions.
    for (const body of ["ECOWAS", "a NATO spokesman", "the health ministry"])
      expect(buildClaimReview({ ...subject, attribution: body }, ctx).itemReviewed.author).toEqual({ "@type": "Organization", name: body });
    for (const person of ["JD Vance", "Gen. Abdourahamane TIANI", "King Charles III"])
      expect(buildClaimReview({ ...subject, attribution: person }, ctx).itemReviewed.author).toEqual({ "@type": "Person", name: person });
    expect(buildClaimReview({ ...subject, attribution: null }, ctx).itemReviewed.author).toEqual({
      "@type": "Organization",
      name: "Daily Planet",
      url: "https://dailyplanet.example",
    });
    expect(r.itemReviewed.appearance!.map((a) => a.url)).toEqual(["https://dailyplanet.example/budget"]);
    expect(r.itemReviewed.firstAppearance).toEqual({
      "@type": "CreativeWork",
      url: "https://dailyplanet.example/budget",
      headline: "Budget passes",
      datePublished: "2026-03-02T08:00:00.000Z",
      publisher: { "@type": "Organization", name: "Daily Planet", url: "https://dailyplanet.example" },
    });
  });

  it("exports no login-only URL: an article without its own URL has no appearance", () => {
    const bare = buildClaimReview({ ...subject, article: { ...subject.article, url: null } }, ctx);
    expect(bare.itemReviewed).not.toHaveProperty("appearance");
    expect(bare.itemReviewed).not.toHaveProperty("firstAppearance");
    for (const doc of [r, bare]) expect(JSON.stringify(doc)).not.toMatch(/\/articles\/|\/claims\//);
  });

  it("names the organisation from settings, dates the review by its approval and carries the rationale", () => {
    expect(r.author).toEqual({ "@type": "Organization", name: "Fact Desk", url: "https://factdesk.example" });
    expect(r.datePublished).toBe("2026-03-04");
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
