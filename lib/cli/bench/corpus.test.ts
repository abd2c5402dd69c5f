import { describe, it, expect } from "vitest";
import { article, outlets } from "./corpus";

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
