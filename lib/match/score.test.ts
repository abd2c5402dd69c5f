import { describe, expect, it } from "vitest";
import { scorePair, type MatchSide } from "./score";

const side = (text: string, outletId: string, published = "2024-05-08"): MatchSide => ({
  text, articleId: outletId, outletId, originGroup: null, publishedAt: new Date(published + "T12:00:00Z"), attribution: null, wireCredit: null,
});
const pair = (a: string, b: string) => scorePair(side(a, "a"), side(b, "b"));

describe("scorePair: contradictions about the same event", () => {
  it("numbers differ, with number words and unit variants normalised", () => {
    const s = pair(
      "Twelve people were killed when a 140-metre bridge collapsed in Genoa on Tuesday.",
      "Nine people were killed when the 140 metres long bridge collapsed in Genoa on Tuesday.",
    );
    expect(s).toMatchObject({ relation: "contradicts" });
    expect(s!.reasons).toContain("numbers differ: 12 vs 9");
    expect(s!.reasons).toContain("same date: 2024-05-07");
  });
  it("negation", () => {
    const s = pair(
      "The driver was not injured in the crash on the A1 motorway on Monday, police said.",
      "The driver was taken to hospital with serious injuries after the crash on the A1 motorway on Monday.",
    );
    expect(s?.relation).toBe("contradicts");
    expect(s!.reasons[0]).toBe("negation: 'not injured' vs 'taken to hospital with serious injuries'");
  });
  it("different place", () => {
    const s = pair(
      "The protest against the new fuel tax took place in Lagos on Saturday and drew 9,000 people.",
      "The protest against the new fuel tax took place in Abuja on Saturday and drew 9000 people.",
    );
    expect(s?.relation).toBe("contradicts");
    expect(s!.reasons).toContain("different place: Lagos vs Abuja");
    expect(s!.reasons.join(" ")).toMatch(/same numbers: 9,000/);
  });
  it("different person", () => {
    const s = pair(
      "Police arrested opposition leader John Mensah at his home on Friday over the stolen ballots.",
      "Police arrested opposition leader Kwame Boateng at his home on Friday over the stolen ballots.",
    );
    expect(s?.reasons[0]).toBe("different person: John Mensah vs Kwame Boateng");
  });
  it("different cause", () => {
    const s = pair(
      "The fire at the Kano market was caused by an electrical fault, the fire service said on Sunday.",
      "The fire at the Kano market was caused by arson, the fire service said on Sunday.",
    );
    expect(s?.reasons[0]).toBe("different cause: 'an electrical fault' vs 'arson'");
  });
  it("dates a day apart for the same meeting", () => {
    const s = pair("The minister met the striking nurses on Tuesday.", "The minister met the striking nurses on Wednesday.");
    expect(s?.relation).toBe("contradicts");
    expect(s!.reasons[0]).toBe("dates differ: 2024-05-07 vs 2024-05-08");
  });
  it("opposite verbs", () => {
    const s = pair("Inflation rose to 9.5% in March, the statistics office said.", "Inflation fell to 9.5% in March, the statistics office said.");
    expect(s?.relation).toBe("contradicts");
    expect(s!.reasons[0]).toMatch(/^opposite: /);
  });
});

describe("scorePair: not contradictions", () => {
  it("same fact with a name spelling variant and a number word supports", () => {
    expect(pair("Mohamed Bazoum was detained by the presidential guard in Niamey.", "Mohammed Bazoum was detained by the presidential guard in Niamey, witnesses said.")?.relation).toBe("supports");
    const s = pair("Twelve people were killed when a bridge collapsed in Genoa on Tuesday.", "12 people died when the bridge collapsed in Genoa on Tuesday, officials said.");
    expect(s).toMatchObject({ relation: "supports" });
    expect(s!.score).toBeGreaterThan(0.7);
  });
  it("meetings weeks apart are different events", () => {
    expect(pair("The minister met the striking nurses on Tuesday.", "The minister met the striking nurses on 2 April.")).toBeNull();
  });
  it("unrelated passages", () => {
    expect(pair("The fire at the Kano market was caused by an electrical fault, the fire service said on Sunday.", "Heavy rain flooded roads across Accra on Sunday, the meteorological agency said.")).toBeNull();
  });
  it("a shared source counts as a reason", () => {
    const a = { ...side("The ministry said 40 schools will close on Monday.", "a"), attribution: "Ministry of Education" };
    const b = { ...side("Forty schools will close on Monday, the ministry said.", "b"), attribution: "the Ministry of Education" };
    expect(scorePair(a, b)?.reasons).toContain("same source: Ministry of Education");
  });
});
