import { describe, it, expect } from "vitest";
import { anchorClaims, anchorQuote, contextOf } from "./anchor";
import { STORY_V1, STORY_V2 } from "../../tests/news-page";

const v1 = STORY_V1.join("\n\n");
const v2 = STORY_V2.join("\n\n");
function quote(text: string, sentence: string, id = sentence.slice(0, 12)) {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`not in text: ${sentence}`);
  return { id, text: sentence, start, ...contextOf(text, start, start + sentence.length) };
}

const toll = "Officials in the delta province said on Monday that 12,000 people had been moved to emergency shelters after the river burst its banks.";
const boats = "The provincial governor said the army had deployed 40 boats to reach villages cut off by the water.";
const schools = "Schools in three districts will stay closed until Friday.";
const rain = "Forecasters expect another 150 millimetres of rain to fall over the region before the weekend, according to the national weather service.";

describe("anchorClaims on a silently edited story", () => {
  const claims = [quote(v1, toll, "toll"), quote(v1, boats, "boats"), quote(v1, schools, "schools"), quote(v1, rain, "rain")];
  const anchors = anchorClaims(v2, claims);

  it("finds the claims that only moved (a paragraph was added above them)", () => {
    for (const [id, sentence] of [
      ["boats", boats],
      ["rain", rain],
    ] as const) {
      const a = anchors.get(id)!;
      expect(a.kind).toBe("exact");
      if (a.kind === "exact") expect(v2.slice(a.start, a.end)).toBe(sentence);
    }
  });
  it("flags the claim whose number was edited as changed, placed on its new words", () => {
    const a = anchors.get("toll")!;
    expect(a).toMatchObject({ kind: "changed", text: toll.replace("12,000", "18,000") });
    if (a.kind === "changed") expect(a.similarity).toBeGreaterThan(0.95);
  });
  it("flags the removed sentence as orphaned", () => {
    expect(anchors.get("schools")).toEqual({ kind: "orphaned" });
  });
});

describe("anchorQuote", () => {
  it("chooses among repeated words by their prefix and suffix", () => {
    const text = "First, the minister said the bridge would reopen. Later, the mayor said the bridge would reopen. End.";
    const second = text.lastIndexOf("the bridge would reopen");
    const q = { text: "the bridge would reopen", start: 0, ...contextOf(text, second, second + 23) };
    expect(anchorQuote(text, q)).toEqual({ kind: "exact", start: second, end: second + 23 });
  });
  it("widens an approximate match to whole words", () => {
    const a = anchorQuote("Police said 1,250 protesters were arrested on Sunday in the capital.", {
      text: "Police said 1,200 protesters were arrested on Sunday",
      start: 0,
      prefix: "",
      suffix: "",
    });
    expect(a).toMatchObject({ kind: "changed", text: "Police said 1,250 protesters were arrested on Sunday" });
  });
  it("does not call an unrelated sentence a changed claim", () => {
    expect(
      anchorQuote("The weather was mild and the markets were calm all week long.", {
        text: "Police said 1,200 protesters were arrested on Sunday",
        start: 0,
        prefix: "",
        suffix: "",
      }),
    ).toEqual({ kind: "orphaned" });
  });
  it("looks beyond its window in a long text only when the text is short enough", () => {
    const claim = "The central bank raised its main rate to 4.5 percent on Thursday.";
    const filler = "Nothing of note happened in the town that day. ".repeat(200);
    const text = `${filler}${claim.replace("4.5", "4.75")}`;
    expect(anchorQuote(text, { text: claim, start: 0, prefix: "", suffix: "" }).kind).toBe("changed");
    const huge = `${"Nothing of note happened in the town that day. ".repeat(5000)}${claim.replace("4.5", "4.75")}`;
    expect(anchorQuote(huge, { text: claim, start: 0, prefix: "", suffix: "" }).kind).toBe("orphaned");
  });
});

describe("anchorClaims with repeated words", () => {
  it("places a repeated sentence once and orphans the claim whose copy is gone", () => {
    const s = "The port will reopen on Monday.";
    const old = `${s} Officials agreed.\n\nLater: ${s} Nobody objected.`;
    const next = `${s} Officials agreed.\n\nLater, nobody objected.`;
    const a = anchorClaims(next, [
      quote(old, s, "first"),
      { ...quote(old.slice(20), s, "second"), start: old.lastIndexOf(s), ...contextOf(old, old.lastIndexOf(s), old.lastIndexOf(s) + s.length) },
    ]);
    expect(a.get("first")).toEqual({ kind: "exact", start: 0, end: s.length });
    expect(a.get("second")).toEqual({ kind: "orphaned" });
  });
});
