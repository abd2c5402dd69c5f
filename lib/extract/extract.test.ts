import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "../articles/clean";
import { DEFAULT_THRESHOLD, extractClaims } from "./extract";
import { scores } from "./checkworthy";

const seed = (name: string) => readFileSync(new URL(`../../prisma/seed/articles/${name}`, import.meta.url), "utf8");

// Fragments that must each sit inside some claim: the events every outlet reports.
const KEY_FACTS: Record<string, string[]> = {
  "000_d3f99b0466c277b8.txt": [
    "Putin and Goita had a telephone conversation on Tuesday, Aug. 15.",
    "exclusively peaceful political and diplomatic means are needed",
    "ordered the deployment and activation of a regional standby force",
    "President Mohamed Bazoum was arrested by coup leaders",
    "At the initiative of the Malian side",
    "aggression launched by the U.S. and its allies against Libya",
    "thousands of people in the capital of Niamey",
  ],
  "001_9be18b6f6a08e22b.txt": [
    "the Kremlin said on Tuesday, August 15.",
    "exclusively by peaceful political and diplomatic means was emphasized",
    "Goita said on social media platform X",
    "toppled the democratically elected government of deposed president Mohamed Bazoum on July 26",
    "hired mercenaries from Russia’s Wagner group",
    "(ECOWAS) has threatened to launch if diplomacy fails",
    "Yevgeny Prigozhin welcomed the coup",
  ],
  "002_b12943daedf0858a.txt": [
    "Assimi Goita on Tuesday had a telephone conversation",
    "“exclusively peaceful political and diplomatic means,”",
    "a regional standby force to restore constitutional order in Niger",
    "Goita said on social media platform X",
    "in continuation of the Russian-Malian high-level talks",
    "Wagner fighters are active in Mali",
    "Prigozhin was spotted at the Russia-Africa summit",
  ],
  "003_8cea190d64bb76b8.txt": [
    "Putin on Sunday held a phone call with the interim leader of Mali",
    "where a July coup ousted President Mohammed Bazoum",
    "has previously threatened military intervention",
    "Wagner Group mercenary force deployed in the country",
  ],
  "004_485acf62bf756e67.txt": [
    "following the attack in Moscow that killed at least 137",
    "agreed to strengthen anti-terrorist cooperation",
    "from Mali in 2022 after coups in 2020 and 2021",
    "dispatch of fighters from the Wagner mercenary group",
    "delivery of wheat, fertilizer and fuel to Mali",
    "exited a wider Western African bloc",
  ],
};

// Page furniture from the raw files, headlines and non-assertions: never a claim.
const NEVER: string[] = [
  "Getty Images",
  "POOL/AFP",
  "(l)",
  "Audio By",
  "Latest Stories",
  "minutes -",
  "Hamburger",
  "WhatsApp",
  "Advertisement",
  "FILE PHOTO",
  "REUTERS",
  "Published September",
  "Reporting by",
  "Content is loading",
  "Subscribe",
  "newsletter",
  "Support The Moscow Times",
  "EPA / TASS",
  "Dear readers",
  "support us",
  "Vladimir Putin Talks About Niger Coup",
  "Russia's Growing Influence in Niger",
  "Russia, Mali To Strengthen",
  "Putin discusses Niger crisis with Malian leader -Kremlin",
  "it is unclear if",
  "They explained that",
  "click this link",
];

const articles = Object.keys(KEY_FACTS).map((file) => ({ file, raw: seed(file), text: cleanArticle(seed(file)).text }));

describe("extractClaims on the seed articles", () => {
  it.each(articles)("$file: the key facts become claims", ({ text, file }) => {
    const claims = extractClaims(text);
    for (const fact of KEY_FACTS[file])
      expect(
        claims.some((c) => c.text.includes(fact)),
        fact,
      ).toBe(true);
  });

  it.each(articles)("$file: no boilerplate, headline or non-assertion becomes a claim", ({ text, raw }) => {
    const claims = extractClaims(text);
    expect(claims.length).toBeGreaterThan(3);
    for (const bad of NEVER)
      expect(
        claims.filter((c) => c.text.includes(bad)).map((c) => c.text),
        bad,
      ).toEqual([]);
    // Every raw line that cleaning dropped must stay out of the claims too.
    const kept = new Set(text.split("\n\n"));
    const dropped = raw
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 3 && !kept.has(l) && !text.includes(l));
    for (const line of dropped)
      expect(
        claims.some((c) => c.text.includes(line)),
        line,
      ).toBe(false);
  });

  it.each(articles)("$file: offsets, prefix and suffix round-trip", ({ text }) => {
    const claims = extractClaims(text);
    let last = -1;
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.prefix).toBe(text.slice(Math.max(0, c.start - 32), c.start));
      expect(c.suffix).toBe(text.slice(c.end, c.end + 32));
      expect(c.text).toBe(c.text.trim());
      expect(c.start).toBeGreaterThan(last);
      // A forecast is kept for its background but ranked by its forecast (checkworthy.ts).
      expect(scores(c.text).whole).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      last = c.end;
    }
  });

  it("labels kinds and sources on seed sentences", () => {
    const byText = (file: string, fragment: string) => {
      const c = extractClaims(articles.find((a) => a.file === file)!.text).find((x) => x.text.includes(fragment));
      return c && { kind: c.kind, attribution: c.attribution };
    };
    expect(byText("001_9be18b6f6a08e22b.txt", "was emphasized")).toEqual({ kind: "quote", attribution: "the Kremlin" });
    expect(byText("004_485acf62bf756e67.txt", "killed at least 137")).toEqual({ kind: "statistic", attribution: "both parties" });
    expect(byText("003_8cea190d64bb76b8.txt", "on Sunday held a phone call")).toEqual({ kind: "attribution", attribution: "the Kremlin" });
    expect(byText("004_485acf62bf756e67.txt", "coups in 2020 and 2021")).toEqual({ kind: "event", attribution: null });
    expect(byText("000_d3f99b0466c277b8.txt", "The Russian president said")).toEqual({ kind: "attribution", attribution: "the Russian president" });
  });
});

describe("extractClaims options and edge cases", () => {
  const text =
    "Thank you.\n\nI really think that it was a great night for all of us.\n\nThe attack in Moscow killed at least 137 people on Friday, officials said.";

  it("honours the threshold", () => {
    expect(extractClaims(text).map((c) => c.text)).toEqual(["The attack in Moscow killed at least 137 people on Friday, officials said."]);
    expect(extractClaims(text, { threshold: 0 })).toHaveLength(2);
    expect(extractClaims(text, { threshold: 1 })).toEqual([]);
  });

  it("skips questions and short fragments even at threshold 0", () => {
    expect(extractClaims("Did Putin call Goita on August 15, 2023?\n\nPutin Calls Goita\n\nThanks.", { threshold: 0 })).toEqual([]);
  });

  it("gives short prefix and suffix at the edges of the text", () => {
    const [c] = extractClaims("The attack in Moscow killed at least 137 people, officials said.");
    expect(c).toMatchObject({ start: 0, prefix: "", suffix: "", kind: "statistic", attribution: "officials" });
  });
});

describe("forecasts, stated intentions and pronouns", () => {
  const africanews = () => extractClaims(articles.find((a) => a.file === "001_9be18b6f6a08e22b.txt")!.text);

  it("ranks a forecast with factual background below every plain fact of its article", () => {
    const claims = africanews();
    const forecast = claims.find((c) => c.text.startsWith("The call is likely to rattle"))!;
    const facts = claims.filter((c) => !/\b(?:likely|could|may|might)\b/.test(c.text));
    expect(forecast.checkworthiness).toBeLessThan(DEFAULT_THRESHOLD);
    expect(forecast.checkworthiness).toBeLessThan(Math.min(...facts.map((c) => c.checkworthiness)));
  });

  it("extracts what an actor said it will do, a checkable statement", () => {
    const text =
      "ECOWAS leaders met in Abuja on Thursday to discuss the crisis in Niger, officials said.\n\nThe bloc has said it will use force only if diplomacy fails.";
    expect(extractClaims(text).map((c) => c.text)).toContain("The bloc has said it will use force only if diplomacy fails.");
  });

  it("gives a pronoun-led claim the sentence before it, and drops one with nothing before it", () => {
    const text =
      "Protesters gathered outside the French Embassy in Niamey on Sunday, police said.\n\nThey also attacked the French Embassy in Niger, police said on Sunday.";
    const they = extractClaims(text).find((c) => c.text.startsWith("They"))!;
    expect(they.context).toBe("Protesters gathered outside the French Embassy in Niamey on Sunday, police said.");
    expect(extractClaims("They also attacked the French Embassy in Niger, police said on Sunday.")).toEqual([]);
  });
});
