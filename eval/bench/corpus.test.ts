import { describe, it, expect } from "vitest";
import { article, outlets, realArticles } from "./corpus";

describe("synthetic corpus", () => {
  const opts = { outlets: 30 };
  it("is deterministic and claims anchor exactly in the text", () => {
    expect(article(42, opts)).toEqual(article(42, opts));
    for (let i = 0; i < 200; i++) {
      const a = article(i, opts);
      for (const c of a.claims) expect(a.text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it("plants contradictions that change only the death toll, and wire copies", () => {
    const all = Array.from({ length: 1000 }, (_, i) => article(i, opts));
    const contra = all.filter((a) => a.planted === "contradiction");
    const copies = all.filter((a) => a.planted === "copy");
    expect(contra.length).toBeGreaterThan(20);
    expect(copies.length).toBeGreaterThan(20);
    const c = contra[0];
    const honest = all.find((a) => a.event === c.event && a.planted === "none")!;
    expect(c.claims[2].text.match(/\d+/)![0]).not.toBe(honest.claims[2].text.match(/\d+/)![0]);
    expect(copies.every((a) => a.wireCredit && outlets(30).some((o) => o.name === a.outlet && o.originGroup))).toBe(true);
  });
});

describe("real corpus", () => {
  const records = [
    { "Body ID": "7", articleBody: "First body. It has two sentences." },
    { "Body ID": "9", articleBody: "   " },
    { "Body ID": "12", articleBody: "Second body." },
    { "Body ID": "15", articleBody: "Third body." },
  ];
  it("spreads non-empty bodies over the outlets in file order, up to the size asked", () => {
    const got = realArticles(records, { articles: 2, outlets: 2 });
    expect(got.map((a) => [a.source, a.outlet, a.text])).toEqual([
      ["7", "Outlet 1", "First body. It has two sentences."],
      ["12", "Outlet 2", "Second body."],
    ]);
    expect(got[1].publishedAt.getTime() - got[0].publishedAt.getTime()).toBe(6 * 3_600_000);
    expect(realArticles(records, { articles: 10, outlets: 2 }).map((a) => a.outlet)).toEqual(["Outlet 1", "Outlet 2", "Outlet 1"]);
  });
  it("refuses a file without a body column", () => {
    expect(() => realArticles([{ id: "1", headline: "x" }], { articles: 1, outlets: 1 })).toThrow(/body column/);
  });
});
