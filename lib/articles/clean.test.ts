import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "./clean";

const seed = (name: string) => readFileSync(new URL(`../../prisma/seed/articles/${name}`, import.meta.url), "utf8");

// Page furniture copied from the raw seed files: none of it may survive cleaning.
const BOILERPLATE: Record<string, string[]> = {
  "000_d3f99b0466c277b8.txt": [
    "PAVEL BEDNYAKOV/POOL/AFP via Getty Images",
    "This pool image distributed by Sputnik agency",
    "GRIGORY DUKOR/AFP",
    "Shinzo Abe",
    "you can click this link",
  ],
  "001_9be18b6f6a08e22b.txt": ["date 2023-08-16", "President Putin of Russia (l)", "Assimi Goita of Mali (r)"],
  "002_b12943daedf0858a.txt": [
    "Audio By Carbonatix",
    "Latest Stories",
    "11 minutes -",
    "Stewarding Transformation",
    "Producer price inflation up marginally to 1.9%",
    "Front pages",
    "4 hours",
  ],
  "003_8cea190d64bb76b8.txt": [
    "date 2023-09-10",
    "Hamburger Menu Close",
    "Logo",
    "WhatsApp Telegram Facebook",
    "Advertisement",
    "FILE PHOTO",
    "Kremlin via REUTERS",
    "Published September 10, 2023",
    "Updated September 10",
    "Reporting by Felix Light",
    "Read more of the latest in",
    "Explore now",
    "Trending",
    "Content is loading",
    "Stay in the know",
    "Subscribe to get daily news",
    "By clicking subscribe",
  ],
  "004_485acf62bf756e67.txt": [
    "Support The Moscow Times!",
    "Hadama Diakite / EPA / TASS",
    "Sign up for our free weekly newsletter",
    "Our weekly newsletter",
    "Privacy Policy",
    "A Message from The Moscow Times",
    "Dear readers",
    "unprecedented challenges",
    "support us monthly",
    "Remind me later",
    "paiment methods",
    "Not ready to support today?",
  ],
};

describe("cleanArticle on the seed articles", () => {
  it.each(Object.entries(BOILERPLATE))("%s loses its boilerplate", (file, strings) => {
    const raw = seed(file);
    const { text } = cleanArticle(raw);
    for (const s of strings) {
      expect(raw, `fixture drifted: ${s}`).toContain(s);
      expect(text, s).not.toContain(s);
    }
  });

  it("keeps the article body, one paragraph per block, separated by blank lines", () => {
    const { text } = cleanArticle(seed("002_b12943daedf0858a.txt"));
    expect(text.startsWith("Russian President Vladimir Putin and Mali’s interim president")).toBe(true);
    expect(text).toContain("\n\nWagner fighters are active in Mali");
    expect(text.endsWith("according to accounts associated with the mercenary group.")).toBe(true);
    for (const file of Object.keys(BOILERPLATE)) {
      const clean = cleanArticle(seed(file)).text;
      expect(clean).not.toMatch(/(?<!\n)\n(?!\n)|\n{3,}|^\s|\s$/);
    }
  });

  it("keeps the quotation and the sentences around a removed caption", () => {
    const { text } = cleanArticle(seed("000_d3f99b0466c277b8.txt"));
    expect(text).toContain("Vladimir Putin had a telephone conversation with President of the Transitional Period");
    expect(text).toContain("Putin and Goita had a telephone conversation on Tuesday, Aug. 15.");
    expect(text).toContain("Ever since Bazoum was ousted");
  });

  it("reads publishedAt from the date header as a UTC day", () => {
    expect(cleanArticle(seed("001_9be18b6f6a08e22b.txt")).publishedAt?.toISOString()).toBe("2023-08-16T00:00:00.000Z");
    expect(cleanArticle(seed("003_8cea190d64bb76b8.txt")).publishedAt?.toISOString()).toBe("2023-09-10T00:00:00.000Z");
    expect(cleanArticle(seed("000_d3f99b0466c277b8.txt")).publishedAt).toBeNull();
  });

  it("returns the wire credit apart from the text", () => {
    expect(cleanArticle(seed("003_8cea190d64bb76b8.txt")).wireCredit).toBe("Reporting by Felix Light; Editing by Hugh Lawson and Sharon Singleton");
    expect(cleanArticle(seed("001_9be18b6f6a08e22b.txt")).wireCredit).toBeNull();
  });

  it("drops a repeated headline but keeps its first occurrence", () => {
    const { text } = cleanArticle(seed("003_8cea190d64bb76b8.txt"));
    expect(text.split("Putin discusses Niger crisis with Malian leader -Kremlin")).toHaveLength(2);
  });
});

describe("cleanArticle generic rules", () => {
  it("takes the credit out of a Reuters dateline and a bare agency line", () => {
    const out = cleanArticle("MOSCOW, Sept 10 (Reuters) - Putin spoke to Goita on Sunday.\n\nAFP");
    expect(out.text).toBe("Putin spoke to Goita on Sunday.");
    expect(out.wireCredit).toBe("Reuters; AFP");
    expect(cleanArticle("Troops left on Friday.\nThe Associated Press contributed to this report.").wireCredit).toBe("Associated Press");
  });

  it("reads a dateline that names a region or country, or a date with its year", () => {
    for (const [line, agency] of [
      ["NKHATA BAY, Malawi (AP) — A passenger ferry capsized on Lake Malawi.", "AP"],
      ["LOS ANGELES, Calif. (AP) — A passenger ferry capsized on Lake Malawi.", "AP"],
      ["CAPE TOWN, South Africa, March 7 (Reuters) - A passenger ferry capsized on Lake Malawi.", "Reuters"],
      ["WASHINGTON, Sept 10, 2024 (AFP) - A passenger ferry capsized on Lake Malawi.", "AFP"],
      // The day before the month, as British and European outlets write it.
      ["LILONGWE, 15 October 2025 (Reuters) - A passenger ferry capsized on Lake Malawi.", "Reuters"],
      // Capitals with accents are capitals.
      ["SÃO PAULO, Brazil (Reuters) - A passenger ferry capsized on Lake Malawi.", "Reuters"],
      ["COPIAPÓ, Chile (AP) — A passenger ferry capsized on Lake Malawi.", "AP"],
    ]) {
      const out = cleanArticle(line);
      expect(out.text, line).toBe("A passenger ferry capsized on Lake Malawi.");
      expect(out.wireCredit, line).toBe(agency);
    }
    // Without a credit (a correspondent's report, or wire copy credited in a footer), the place is
    // still no part of the first claim.
    for (const line of [
      "LILONGWE, Malawi — A passenger ferry capsized on Lake Malawi.",
      "NKHATA BAY -- A passenger ferry capsized on Lake Malawi.",
      "CAPE TOWN, South Africa, March 7 - A passenger ferry capsized on Lake Malawi.",
      "COPIAPÓ, Chile — A passenger ferry capsized on Lake Malawi.",
      "ÉVORA, Portugal — A passenger ferry capsized on Lake Malawi.",
      "ALDEANUEVA DEL JILOCA, Spain, 15 October - A passenger ferry capsized on Lake Malawi.",
    ])
      expect(cleanArticle(`${line}\n\nReporting by Jane Doe.`).text.split("\n")[0], line).toBe("A passenger ferry capsized on Lake Malawi.");
    expect(cleanArticle("Ferry capsizes on Lake Malawi\nLILONGWE, Malawi — A passenger ferry capsized on Lake Malawi.").text).toBe(
      "Ferry capsizes on Lake Malawi\n\nA passenger ferry capsized on Lake Malawi.",
    );
    // Only before the first sentence, and only a place in capitals.
    expect(cleanArticle("Ferries are the only transport.\n\nNATO - the alliance - sent no ships.").text).toContain("NATO - the alliance");
    expect(cleanArticle("Lilongwe, Malawi — A passenger ferry capsized.").text).toBe("Lilongwe, Malawi — A passenger ferry capsized.");
    expect(cleanArticle("Copiapó, Chile — A passenger ferry capsized.").text).toBe("Copiapó, Chile — A passenger ferry capsized.");
    // A sentence that mentions an agency in brackets is no dateline.
    expect(cleanArticle("Officials in Lilongwe told the Associated Press (AP) - on Friday - that it sank.").wireCredit).toBeNull();
  });

  it("falls back to a 'Published' line for the date", () => {
    const out = cleanArticle("Published March 27, 2024\nRussia and Mali agreed to cooperate.");
    expect(out.publishedAt?.toISOString()).toBe("2024-03-27T00:00:00.000Z");
    expect(out.text).toBe("Russia and Mali agreed to cooperate.");
  });

  it("removes a related-stories list until prose resumes", () => {
    const raw = [
      "The summit opened in Sochi on Monday with leaders from 40 countries.",
      "Related stories",
      "Mali expels French ambassador",
      "2 hours ago",
      "Why the Sahel matters",
      "The talks are expected to last three days, officials said on Monday evening.",
    ].join("\n");
    expect(cleanArticle(raw).text).toBe(
      "The summit opened in Sochi on Monday with leaders from 40 countries.\n\nThe talks are expected to last three days, officials said on Monday evening.",
    );
  });

  it("removes photo credits of any agency, share bars and ad slots", () => {
    const raw = [
      "Share on Facebook Twitter Email",
      "Advertisement",
      "Soldiers patrol in Bamako. (Photo by John Doe/Getty Images)",
      "Soldiers patrol in Gao. AP Photo/Jane Roe",
      "Soldiers patrol in Niamey. JOHN DOE / AFP",
      "Troops arrived in Gao on Friday.",
    ].join("\n\n");
    expect(cleanArticle(raw).text).toBe("Troops arrived in Gao on Friday.");
  });

  it("does not mistake news about subscribers or support for an appeal", () => {
    const raw = "Netflix said subscribers rose to 260 million.\n\nMali said it would support the Niger junta.";
    expect(cleanArticle(raw).text).toBe(raw);
  });
});
