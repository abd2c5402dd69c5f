import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("splits plain sentences and keeps exact, trimmed offsets", () => {
    const text = "  Putin called Goita.  The Kremlin confirmed it!\n\nWas it planned? Nobody knows. ";
    const out = splitSentences(text);
    expect(out.map((s) => s.text)).toEqual(["Putin called Goita.", "The Kremlin confirmed it!", "Was it planned?", "Nobody knows."]);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("does not split on U.S., Mr., Dr., Gen., St. or initials", () => {
    expect(texts("The U.S. and its allies attacked Libya. Mr. Smith met Dr. Jones and Gen. J. Lee in St. Louis. It rained.")).toEqual([
      "The U.S. and its allies attacked Libya.",
      "Mr. Smith met Dr. Jones and Gen. J. Lee in St. Louis.",
      "It rained.",
    ]);
  });

  it("splits after an acronym or company suffix when the next word opens a sentence", () => {
    expect(texts("Troops left the U.S. The war ended.")).toEqual(["Troops left the U.S.", "The war ended."]);
    expect(texts("He sold shares in Apple Inc. The price fell.")).toEqual(["He sold shares in Apple Inc.", "The price fell."]);
    expect(texts("He met Sputnik Co. Ltd. executives at No. 10 Downing Street.")).toHaveLength(1);
  });

  it("keeps abbreviated months with their day", () => {
    expect(texts("They spoke on Tuesday, Aug. 15. A second call came on Jan. 3, 2024.")).toEqual([
      "They spoke on Tuesday, Aug. 15.",
      "A second call came on Jan. 3, 2024.",
    ]);
  });

  it("keeps times, thousands separators and decimals inside one sentence", () => {
    expect(texts("The call began at 6:40 and 9,000 troops waited. Inflation rose 1.5 points.")).toEqual([
      "The call began at 6:40 and 9,000 troops waited.",
      "Inflation rose 1.5 points.",
    ]);
  });

  it("keeps a multi-sentence quotation cut by its attribution as one unit", () => {
    const quote = "“We agreed. We will cooperate more. Terrorism is our enemy,” said Goita.";
    expect(texts(`${quote} The Kremlin confirmed.`)).toEqual([quote, "The Kremlin confirmed."]);
    const straight = '"It was quiet. Then it was not," the witness said. Police arrived.';
    expect(texts(straight)).toEqual(['"It was quiet. Then it was not," the witness said.', "Police arrived."]);
  });

  it("ends a sentence at a closing quotation mark after the full stop", () => {
    expect(texts("He said: “We have agreed to cooperate.” Russia agreed too.")).toEqual(["He said: “We have agreed to cooperate.”", "Russia agreed too."]);
  });

  it("treats a blank line as a boundary even without punctuation", () => {
    expect(texts("Putin Talks About Niger Coup\n\nPutin called Goita.")).toEqual(["Putin Talks About Niger Coup", "Putin called Goita."]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences(" \n\n ")).toEqual([]);
  });
});
