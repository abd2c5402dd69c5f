import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { detectMetadata, datelineDay, headlineOf, htmlFacts, suggestOutlet, isHeadline } from "./metadata";
import { SEED_DIR } from "../cli/seed-articles";

const seed = (f: string) => fs.readFileSync(path.join(SEED_DIR, f), "utf8");
const fixture = (f: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", f), "utf8");
const NOW = new Date("2026-11-30T12:00:00Z");

describe("metadata of the seed articles", () => {
  it("finds the headline where the text carries one, and the lede's first sentence otherwise", () => {
    const titles = [
      "000_d3f99b0466c277b8.txt",
      "001_9be18b6f6a08e22b.txt",
      "002_b12943daedf0858a.txt",
      "003_8cea190d64bb76b8.txt",
      "004_485acf62bf756e67.txt",
    ].map((f) => detectMetadata({ source: seed(f), now: NOW }));
    expect(titles.map((t) => [t.titleSource, t.title])).toEqual([
      ["headline", "Vladimir Putin Talks About Niger Coup"],
      ["lede", expect.stringMatching(/^Russian President Vladimir Putin called for a peaceful resolution to the Niger crisis\b.*…$/)],
      ["lede", expect.stringMatching(/^Russian President Vladimir Putin and Mali’s interim president, Assimi Goita on Tuesday\b/)],
      ["headline", "Putin discusses Niger crisis with Malian leader -Kremlin"],
      ["headline", "Russia, Mali To Strengthen Counterterrorism Efforts"],
    ]);
    for (const t of titles) expect(t.title!.length).toBeLessThanOrEqual(91);
  });

  it("reads the date header and the 'Published' line, and finds no URL or outlet in plain text", () => {
    expect(detectMetadata({ source: seed("001_9be18b6f6a08e22b.txt"), now: NOW }).publishedAt).toBe("2023-08-16");
    const today = detectMetadata({ source: seed("003_8cea190d64bb76b8.txt"), now: NOW });
    expect(today.publishedAt).toBe("2023-09-10");
    expect(today.url).toBeNull();
    expect(today.outlet).toBeNull();
    expect(detectMetadata({ source: seed("000_d3f99b0466c277b8.txt"), now: NOW }).publishedAt).toBeNull();
  });
});

describe("datelines", () => {
  it("takes the year from the latest full date in the text", () => {
    const text = "BAMAKO, Aug 17 (Reuters) - Mali's leader spoke to Putin.\n\nThe two met at a summit on July 27, 2023.";
    expect(datelineDay(text, NOW)).toBe("2023-08-17");
  });
  it("without a year in the text, uses the reference year unless that puts the day ahead of it", () => {
    expect(datelineDay("MOSCOW, Sept 10 (Reuters) - Putin called Goita.", NOW)).toBe("2026-09-10");
    expect(datelineDay("MOSCOW, Dec 24 (Reuters) - Putin called Goita.", NOW)).toBe("2025-12-24");
    expect(datelineDay("SÃO PAULO, Sept 10 (Reuters) - Lula called Goita.", NOW)).toBe("2026-09-10");
    expect(datelineDay("NIAMEY, Feb 30 (Reuters) - nonsense day.", NOW)).toBeNull();
    expect(datelineDay("Bamako said on Aug 17 that (Reuters) reported it.", NOW)).toBeNull();
  });
  it("is used for a pasted wire story", () => {
    const m = detectMetadata({
      source:
        "Putin and Goita discuss Niger\n\nBAMAKO, Aug 17 (Reuters) - The leaders of Russia and Mali spoke by phone, the Kremlin said in a statement.\n\nThey met on July 27, 2023 in St Petersburg, officials said on Thursday.",
      now: NOW,
    });
    expect(m).toMatchObject({ title: "Putin and Goita discuss Niger", titleSource: "headline", publishedAt: "2023-08-17" });
  });
});

describe("HTML metadata", () => {
  const outlets = [
    { name: "Example Wire", domain: null },
    { name: "News Example", domain: "news.example.org" },
  ];
  it("prefers og:title, og:url, article:published_time and og:site_name matched to a known outlet", () => {
    expect(detectMetadata({ source: fixture("wire-story.html"), outlets, now: NOW })).toEqual({
      title: "West African bloc readies standby force & awaits talks",
      titleSource: "og:title",
      publishedAt: "2023-08-17",
      url: "https://www.examplewire.com/world/africa/bloc-standby-force-2023-08-17/",
      outlet: "Example Wire",
      outletKnown: true,
    });
  });
  it("falls back to <title>, canonical, <time datetime> and the outlet whose domain the address is on", () => {
    expect(detectMetadata({ source: fixture("bare-page.html"), outlets, now: NOW })).toEqual({
      title: "Goita thanks Putin for wheat deliveries",
      titleSource: "title",
      publishedAt: "2024-03-28",
      url: "https://news.example.org/africa/goita-wheat",
      outlet: "News Example",
      outletKnown: true,
    });
  });
  it("takes h1 when there is no og:title, and offers an unknown site name as a new outlet", () => {
    const html = `<html><head><meta name="og:site_name" content="The Daily Bugle"><title>x</title></head><body><h1>Bugle <em>headline</em></h1></body></html>`;
    expect(htmlFacts(html)).toMatchObject({ h1: "Bugle headline", siteName: "The Daily Bugle", url: null, published: null });
    expect(detectMetadata({ source: html, outlets, now: NOW })).toMatchObject({
      title: "Bugle headline",
      titleSource: "h1",
      outlet: "The Daily Bugle",
      outletKnown: false,
    });
  });
  it("matches a site name regardless of case, punctuation and a leading 'The'", () => {
    expect(suggestOutlet("the moscow times", null, [{ name: "The Moscow Times", domain: null }])).toEqual({ outlet: "The Moscow Times", known: true });
    expect(suggestOutlet(null, "https://evil-example.org/x", [{ name: "E", domain: "example.org" }])).toEqual({ outlet: null, known: false });
    expect(suggestOutlet(null, "https://sub.example.org/x", [{ name: "E", domain: "https://www.example.org" }])).toEqual({ outlet: "E", known: true });
  });
  it("ignores a non-http og:url", () => {
    expect(detectMetadata({ source: `<html><head><meta property="og:url" content="javascript:alert(1)"></head></html>`, now: NOW }).url).toBeNull();
  });
});

describe("headlines", () => {
  it("are short, capitalised and unpunctuated lines before the second paragraph of prose", () => {
    expect(isHeadline("World")).toBe(false);
    expect(isHeadline("The Kremlin said the call was cordial.")).toBe(false);
    expect(
      headlineOf(
        "A first paragraph of prose that runs long enough to count as a sentence here.\n\nSecond paragraph of prose that is also long enough to be a real sentence.\n\nLate Heading Line Here",
      ),
    ).toBeNull();
  });
});
