import { describe, expect, it } from "vitest";
import { canonName, compareEntities, extractEntities } from "./entities";

const names = (t: string) => extractEntities(t).map((e) => e.surface);

describe("entities", () => {
  it("treats transliteration and accent variants as one name", () => {
    expect(canonName("Mohammed")).toBe(canonName("Mohamed"));
    const a = extractEntities("President Mohamed Bazoum met Assimi Goïta.");
    const b = extractEntities("Mohammed Bazoum and Goita spoke.");
    expect(compareEntities(a, b).shared).toEqual(["Mohamed Bazoum", "Goita"]);
  });
  it("splits titles, months and possessives out of names", () => {
    expect(names("Russian President Vladimir Putin and Mali’s interim president, Assimi Goita on Tuesday had a call")).toEqual([
      "Russian", "Vladimir Putin", "Mali", "Assimi Goita",
    ]);
    expect(names("Russia’s Wagner group")).toEqual(["Russia", "Wagner"]);
  });
  it("links an acronym to the long name it follows", () => {
    const a = extractEntities("the Economic Community of West African States (ECOWAS) has threatened");
    const b = extractEntities("ECOWAS threatened");
    expect(compareEntities(a, b).shared).toContain("ECOWAS");
  });
  it("marks country names as generic and places after 'in'", () => {
    const [niger] = extractEntities("Protests spread in Niger.").filter((e) => e.surface === "Niger");
    expect(niger).toMatchObject({ kind: "place", generic: true });
  });
});
