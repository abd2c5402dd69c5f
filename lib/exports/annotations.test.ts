import { describe, it, expect } from "vitest";
import { buildAnnotation, type AnnotatedClaim } from "./annotations";

const textA = "Officials said 40 people were hurt. The mayor said the bridge will reopen in May, a year late.";
const textB = "The bridge will reopen in May, according to the mayor.";
const claim = (id: string, text: string, sentence: string, url: string | null): AnnotatedClaim => {
  const start = text.indexOf(sentence);
  return { id, text: sentence, start, end: start + sentence.length, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + sentence.length, start + sentence.length + 32), article: { id: `art-${id}`, url } };
};

describe("buildAnnotation", () => {
  const a = claim("c1", textA, "The mayor said the bridge will reopen in May, a year late.", "https://a.example/story");
  const b = claim("c2", textB, textB, null);
  const anno = buildAnnotation({ id: "l1", relation: "SUPPORTS", createdAt: new Date(0), updatedAt: new Date(0), createdBy: { name: "Rita" }, from: a, to: b }, "https://desk.example");

  it("has the model's required keys", () => {
    expect(anno["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(anno.type).toBe("Annotation");
    expect(anno.id).toMatch(/^urn:uuid:/);
    expect(anno.target).toHaveLength(2);
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
    expect(anno.target[1].source).toBe("https://desk.example/articles/art-c2");
  });

  it("tags the relation in the body", () => {
    expect(anno.body[0]).toEqual({ type: "TextualBody", purpose: "tagging", value: "supports", format: "text/plain" });
    expect(anno.motivation).toContain("linking");
    const contra = buildAnnotation({ id: "l2", relation: "CONTRADICTS", createdAt: new Date(0), updatedAt: new Date(0), createdBy: null, from: a, to: b }, "https://desk.example");
    expect(contra.body[0].value).toBe("contradicts");
  });
});
