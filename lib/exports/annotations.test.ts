import { describe, it, expect } from "vitest";
import { annotationCollection, annotationPage, buildAnnotation, type AnnotatedClaim } from "./annotations";

const textA = "Officials said 40 people were hurt. The mayor said the bridge will reopen in May, a year late.";
const textB = "The bridge will reopen in May, according to the mayor.";
const claim = (id: string, text: string, sentence: string, url: string | null): AnnotatedClaim => {
  const start = text.indexOf(sentence);
  return {
    id,
    text: sentence,
    start,
    end: start + sentence.length,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + sentence.length, start + sentence.length + 32),
    article: { id: `art-${id}`, url },
  };
};

describe("buildAnnotation", () => {
  const a = claim("c1", textA, "The mayor said the bridge will reopen in May, a year late.", "https://a.example/story");
  const b = claim("c2", textB, textB, null);
  const confirmedAt = new Date("2026-05-04T09:30:00Z");
  const anno = buildAnnotation(
    { id: "l1", relation: "SUPPORTS", confirmedAt, updatedAt: new Date("2026-05-06T00:00:00Z"), confirmedBy: { id: "u1", name: "Rita" }, from: a, to: b },
    "https://desk.example",
  );

  it("has the model's required keys, the confirming reviewer as creator and the confirmation time as created", () => {
    expect(anno.type).toBe("Annotation");
    expect(anno.id).toMatch(/^urn:uuid:/);
    expect(anno.target).toHaveLength(2);
    expect(anno.creator).toEqual({ id: "urn:uuid:u1", type: "Person", name: "Rita" });
    expect(anno.created).toBe("2026-05-04T09:30:00.000Z");
  });

  it("pages annotations in an AnnotationCollection (W3C model, section 5)", () => {
    const id = "https://desk.example/api/v1/export/annotations.jsonld";
    const second = annotationPage({ collectionId: id, page: 2, total: 5, size: 2, items: [anno, anno] });
    expect(second).toMatchObject({
      id: `${id}?page=2`,
      type: "AnnotationPage",
      partOf: { id, total: 5 },
      startIndex: 2,
      next: `${id}?page=3`,
      prev: `${id}?page=1`,
    });
    const first = annotationPage({ collectionId: id, page: 1, total: 5, size: 2, items: [anno, anno] });
    expect(first).not.toHaveProperty("prev");
    const coll = annotationCollection({ collectionId: id, label: "Links", total: 5, size: 2, first });
    expect(coll).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", id, type: "AnnotationCollection", total: 5, last: `${id}?page=3` });
    expect(coll.first.items[0]).toBe(anno);
    expect(annotationPage({ collectionId: id, page: 3, total: 5, size: 2, items: [anno] })).not.toHaveProperty("next");
  });

  it("targets each claim with a quote and a position selector that agree with the article text", () => {
    const texts = [textA, textB];
    anno.target.forEach((t, i) => {
      expect(t.type).toBe("SpecificResource");
      expect(t.source).toBeTruthy();
      const quote = t.selector.find((s) => s.type === "TextQuoteSelector") as { exact: string; prefix: string; suffix: string };
      const pos = t.selector.find((s) => s.type === "TextPositionSelector") as { start: number; end: number };
      expect(quote.exact).toBe([a, b][i].text);
      expect(texts[i].slice(pos.start, pos.end)).toBe(quote.exact);
      expect(texts[i].slice(0, pos.start).endsWith(quote.prefix)).toBe(true);
    });
    expect(anno.target[0].source).toBe("https://a.example/story");
    // No outlet URL known: the claim's public page, never the desk's login-only article page.
    expect(anno.target[1].source).toBe("https://desk.example/r/c2");
  });

  it("tags the relation in the body", () => {
    expect(anno.body[0]).toEqual({ type: "TextualBody", purpose: "tagging", value: "supports", format: "text/plain" });
    expect(anno.motivation).toContain("linking");
    const contra = buildAnnotation(
      { id: "l2", relation: "CONTRADICTS", confirmedAt: null, updatedAt: new Date(0), confirmedBy: null, from: a, to: b },
      "https://desk.example",
    );
    expect(contra).not.toHaveProperty("creator");
    expect(contra.created).toBe(new Date(0).toISOString());
    expect(contra.body[0].value).toBe("contradicts");
  });
});
