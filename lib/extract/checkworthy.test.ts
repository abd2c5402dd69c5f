import { describe, expect, it } from "vitest";
import { CHECKWORTHY_THRESHOLD, FEATURE_NAMES, WEIGHTS, checkworthiness, features } from "./checkworthy";

describe("checkworthiness", () => {
  it("has one weight per feature and stays within 0..1", () => {
    expect(WEIGHTS).toHaveLength(FEATURE_NAMES.length);
    expect(features("Anything at all.")).toHaveLength(FEATURE_NAMES.length);
    for (const s of ["", "?", "1 2 3 4 5 6 7 8 9 10 million percent $ 2023 said more most", "I think you should."]) {
      const v = checkworthiness(s);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it("ranks a sourced statistic above a plain event above opinion and chatter", () => {
    const statistic = checkworthiness("Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years, the Labor Department said.");
    const event = checkworthiness("Russian President Vladimir Putin on Sunday held a phone call with the interim leader of Mali.");
    const opinion = checkworthiness("I think we should all be proud of what this country can do.");
    const chatter = checkworthiness("Thank you very much.");
    expect(statistic).toBeGreaterThan(event);
    expect(event).toBeGreaterThan(Math.max(opinion, chatter));
    expect(Math.max(opinion, chatter)).toBeLessThan(CHECKWORTHY_THRESHOLD);
  });

  it("puts factual news sentences above the threshold and opinion, questions and hedges below", () => {
    expect(
      checkworthiness("West Africa's main regional bloc, ECOWAS, has previously threatened military intervention to restore Bazoum to power."),
    ).toBeGreaterThan(CHECKWORTHY_THRESHOLD);
    expect(checkworthiness("France was forced to withdraw troops from Mali in 2022 after coups in 2020 and 2021.")).toBeGreaterThan(CHECKWORTHY_THRESHOLD);
    expect(checkworthiness("What do you think we should do about it?")).toBeLessThan(CHECKWORTHY_THRESHOLD);
    expect(checkworthiness("They explained that this development will likely raise concerns among Western leaders.")).toBeLessThan(CHECKWORTHY_THRESHOLD);
    expect(checkworthiness("I believe that is the right thing to do.")).toBeLessThan(CHECKWORTHY_THRESHOLD);
  });

  it("scores a writer's forecast below a stated intention and below the same fact stated plainly", () => {
    const forecast = checkworthiness("The sanctions could rattle Western governments, as Putin met African leaders in Moscow on July 27.");
    const stated = checkworthiness("The bloc has said it will use force only if diplomacy fails.");
    const fact = checkworthiness("The sanctions rattled Western governments, as Putin met African leaders in Moscow on July 27.");
    expect(forecast).toBeLessThan(CHECKWORTHY_THRESHOLD);
    expect(stated).toBeGreaterThan(forecast);
    expect(fact).toBeGreaterThan(CHECKWORTHY_THRESHOLD);
  });

  it("scores a number higher than the same sentence without it", () => {
    expect(checkworthiness("The attack killed at least 137 people.")).toBeGreaterThan(checkworthiness("The attack killed people."));
  });

  it("does not hold the quoted speaker's pronouns against the sentence", () => {
    const quoted = checkworthiness("“We have exploited nothing in my country,” said the Niger resident.");
    const unquoted = checkworthiness("We have exploited nothing in my country, said the Niger resident.");
    expect(quoted).toBeGreaterThan(unquoted);
  });
});
