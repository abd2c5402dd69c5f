import { describe, expect, it } from "vitest";
import { classifyKind, findAttribution, hasDirectQuote, isStatistic } from "./kinds";

describe("classifyKind", () => {
  it.each([
    ["Russia and Mali agreed to cooperate, following the attack in Moscow that killed at least 137.", "statistic"],
    ["Conflicts have displaced millions over the past decade.", "statistic"],
    ["“We have agreed to cooperate more in the fight against terrorism,” Goita said.", "quote"],
    ["Some analysts said that the latest discussion shows Russia's influence in the region.", "attribution"],
    ["Putin called for a peaceful resolution, the Kremlin said on Tuesday, August 15.", "attribution"],
    ["Putin on Sunday held a phone call with the interim leader of Mali.", "event"],
    ["A July coup ousted President Mohamed Bazoum.", "event"],
    ["Niger has strategic significance for the United States.", "other"],
  ] as const)("%s -> %s", (sentence, kind) => {
    expect(classifyKind(sentence)).toBe(kind);
  });

  it("does not count dates, years or 'three years ago' as statistics", () => {
    expect(isStatistic("They toppled the government on July 26, 2023.")).toBe(false);
    expect(isStatistic("They overthrew the government three years ago.")).toBe(false);
    expect(isStatistic("The two leaders agreed.")).toBe(false);
    expect(isStatistic("Two leaders and 300 soldiers attended.")).toBe(true);
  });

  it("does not take scare quotes for a quotation", () => {
    expect(hasDirectQuote("The Kremlin mentioned Russia's “free” delivery of wheat.")).toBe(false);
    expect(hasDirectQuote("Goita echoed it: “We have agreed to cooperate.”")).toBe(true);
  });

  it("reads 'claimed responsibility' as a deed, and 'United States' as no speech", () => {
    expect(classifyKind("The Islamic State group has claimed responsibility for the attack.")).toBe("event");
    expect(classifyKind("The Economic Community of West African States threatened military intervention.")).toBe("event");
  });
});

describe("findAttribution", () => {
  it.each([
    ["“At the initiative of the Malian side, Putin had a call,” said the Kremlin.", "the Kremlin"],
    ["“Putin stressed peace,” Goita said on social media platform X.", "Goita"],
    ["Putin called for peace in a telephone call, the Kremlin said on Tuesday, August 15.", "the Kremlin"],
    ["The Russian president said that peaceful means are needed.", "the Russian president"],
    ["During the call, the Russian leader said that a resolution is needed.", "the Russian leader"],
    ["According to the statement, the two leaders agreed.", "the statement"],
    ["Officials said the talks would continue.", "Officials"],
    ["Putin also mentioned the aggression launched by the U.S. against Libya.", "Putin"],
    ["“They exploited our riches,” said the Niger resident.", "the Niger resident"],
    ["Colonel Goita echoed the decision on social media: “We have agreed to cooperate.”", "Colonel Goita"],
    // Names outside ASCII are names too.
    ["“The spillway could not do its job,” Ibáñez said.", "Ibáñez"],
    ["“Nothing was blocked,” said Ángel Zárate.", "Ángel Zárate"],
    ["The dam was safe, according to Zárate Ingeniería, the contractor.", "Zárate Ingeniería"],
    ["Ángel Zárate denied it on radio: “Nothing was blocked.”", "Ángel Zárate"],
  ])("%s -> %s", (sentence, who) => {
    expect(findAttribution(sentence)).toBe(who);
  });

  it("returns null when nobody is credited, or only a pronoun", () => {
    expect(findAttribution("A July coup ousted President Mohamed Bazoum.")).toBeNull();
    expect(findAttribution("He said that Libya collapsed.")).toBeNull();
  });
});
