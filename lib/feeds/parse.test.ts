import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { parseFeed, normalizeItemUrl, FeedFormatError, MAX_ITEMS } from "./parse";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("parseFeed on real-world shaped feeds", () => {
  it("reads a WordPress RSS 2.0 feed: links over non-permalink guids, typographic entities, dates", () => {
    const feed = parseFeed(fixture("wordpress.rss.xml"), "https://saheldispatch.example/feed/");
    expect(feed.kind).toBe("rss");
    expect(feed.title).toBe("Sahel Dispatch");
    expect(feed.items).toEqual([
      {
        url: "https://saheldispatch.example/2023/08/16/putin-goita-call/",
        guid: "https://saheldispatch.example/?p=4312",
        title: "Putin and Goita discuss Wagner by phone",
        publishedAt: new Date("2023-08-16T09:12:44Z"),
      },
      {
        url: "https://saheldispatch.example/2023/08/08/niger-prime-minister/",
        guid: "https://saheldispatch.example/?p=4290",
        title: "Niger’s junta names a prime minister – what it means",
        publishedAt: new Date("2023-08-08T18:01:02Z"),
      },
    ]);
  });

  it("reads a broadcaster's one-line feed: CDATA titles, tracking parameters dropped, one item per URL", () => {
    const feed = parseFeed(fixture("broadcaster.rss.xml"));
    expect(feed.title).toBe("World News - Africa");
    expect(feed.items.map((i) => [i.url, i.title])).toEqual([
      ["https://broadcaster.example/news/world-africa-66521633", "Mali junta leader speaks to Putin about Niger"],
      ["https://broadcaster.example/news/world-africa-66527364", "Ecowas troops 'ready to go' into Niger"],
    ]);
    expect(feed.items[1].publishedAt).toEqual(new Date("2023-08-17T16:41:12Z"));
  });

  it("survives a BOM and whitespace before the declaration; prefers FeedBurner's origLink; skips items without a web link", () => {
    const feed = parseFeed(fixture("feedburner.rss.xml"), "https://wireco.example/feed.xml");
    expect(feed.title).toBe("Wire & Co — Top stories");
    expect(feed.items.map((i) => i.url)).toEqual([
      "https://wireco.example/world/kremlin-putin-goita?id=7",
      "https://wireco.example/world/guid-only",
      "https://wireco.example/world/relative-item",
    ]);
    expect(feed.items[0].title).toBe("Kremlin: Putin, Goita évoquent Niger by phone");
    expect(feed.items[0].publishedAt).toEqual(new Date("2023-08-16T10:00:00Z"));
    expect(feed.items[1].publishedAt).toBeNull();
  });

  it("reads Atom: the alternate HTML link resolved against xml:base, never edit, replies or enclosures; HTML titles as text", () => {
    const feed = parseFeed(fixture("blog.atom.xml"), "https://desk.example/atom.xml");
    expect(feed.kind).toBe("atom");
    expect(feed.title).toBe("Desk Notes");
    expect(feed.items).toEqual([
      {
        url: "https://desk.example/posts/2023/call-of-15-august.html",
        guid: "tag:desk.example,2023:post-1",
        title: "The call of 15 August",
        publishedAt: new Date("2023-08-15T16:30:00Z"),
      },
      {
        url: "https://desk.example/archive/wagner.html",
        guid: "tag:desk.example,2023:post-2",
        title: "Wagner after Prigozhin",
        publishedAt: new Date("2023-08-24T07:00:00Z"),
      },
    ]);
  });

  it("reads Atom written with a namespace prefix, and RSS 1.0 (RDF) with dc:date and rdf:about", () => {
    expect(parseFeed(fixture("prefixed.atom.xml")).items.map((i) => i.url)).toEqual(["https://prefixed.example/one"]);
    const rdf = parseFeed(fixture("rss1.rdf.xml"));
    expect(rdf.kind).toBe("rdf");
    expect(rdf.title).toBe("Agency wire");
    expect(rdf.items.map((i) => [i.url, i.publishedAt?.toISOString()])).toEqual([
      ["https://agency.example/a1", "2023-08-15T12:00:00.000Z"],
      ["https://agency.example/a2", "2023-08-16T12:00:00.000Z"],
    ]);
  });

  it("never expands DTD entities (billion laughs, external entities)", () => {
    const feed = parseFeed(fixture("laughs.rss.xml"));
    expect(feed.items.map((i) => i.url)).toEqual(["https://laughs.example/item"]);
    expect((feed.title ?? "").length).toBeLessThan(100);
    expect(JSON.stringify(feed)).not.toContain("root:");
  });

  it("keeps at most MAX_ITEMS items", () => {
    const items = Array.from({ length: MAX_ITEMS + 50 }, (_, i) => `<item><link>https://many.example/${i}</link></item>`).join("");
    expect(parseFeed(`<rss><channel>${items}</channel></rss>`).items).toHaveLength(MAX_ITEMS);
  });

  it.each([
    ["a web page", "<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>", /web page/],
    ["plain text", "Service Unavailable", /not XML/],
    ["JSON", '{"items": []}', /not XML/],
    ["another XML document", '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://x.example/</loc></sitemap></sitemapindex>', /neither RSS nor Atom/],
    ["RSS without a channel", '<rss version="2.0"></rss>', /no channel/],
  ])("refuses %s with FeedFormatError", (_name, body, message) => {
    expect(() => parseFeed(body)).toThrow(FeedFormatError);
    expect(() => parseFeed(body)).toThrow(message);
  });

  it("reads an empty channel as no items, and truncated XML as far as it goes", () => {
    expect(parseFeed("<rss><channel><title>Quiet</title></channel></rss>").items).toEqual([]);
    const cut = "<rss><channel><item><link>https://cut.example/1</link></item><item><link>https://cut.example/2</li";
    expect(parseFeed(cut).items.map((i) => i.url)).toContain("https://cut.example/1");
  });
});

describe("normalizeItemUrl", () => {
  it.each([
    ["https://Example.com/a?utm_source=rss&utm_medium=feed#top", "https://example.com/a"],
    ["https://example.com/a?id=3&fbclid=xyz", "https://example.com/a?id=3"],
    ["/relative", "https://base.example/relative"],
    ["  https://example.com/spaced  ", "https://example.com/spaced"],
  ])("%s → %s", (raw, want) => {
    expect(normalizeItemUrl(raw, "https://base.example/feed")).toBe(want);
  });

  it.each(["javascript:alert(1)", "mailto:desk@example.com", "ftp://example.com/file", "", "http://"])("refuses %s", (raw) => {
    expect(normalizeItemUrl(raw)).toBeNull();
  });
});
