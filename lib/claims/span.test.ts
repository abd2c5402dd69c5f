import { describe, it, expect } from "vitest";
import { snapSpan, splitPoints } from "./span";

const text = "Putin called Goita on Tuesday. They discussed Niger at length.\n\nThe bloc has said it will use force only if diplomacy fails.";

describe("snapSpan", () => {
  it("widens a selection to the sentences it touches", () => {
    const at = text.indexOf("discussed");
    const s = snapSpan(text, { start: at, end: at + 4 }, "sentence")!;
    expect(text.slice(s.start, s.end)).toBe("They discussed Niger at length.");
    const across = snapSpan(text, { start: 5, end: at + 2 }, "sentence")!;
    expect(text.slice(across.start, across.end)).toBe("Putin called Goita on Tuesday. They discussed Niger at length.");
  });
  it("keeps an exact selection, trimmed, and refuses nothing or too little", () => {
    const s = snapSpan(text, { start: 5, end: 19 }, "exact")!;
    expect(text.slice(s.start, s.end)).toBe("called Goita");
    expect(snapSpan(text, { start: 62, end: 64 }, "exact")).toBeNull();
    expect(snapSpan(text, { start: 5000, end: 6000 }, "sentence")).toBeNull();
  });
});

describe("splitPoints", () => {
  it("offers sentence ends inside a claim, else clause breaks with four words either side", () => {
    const two = { start: 0, end: text.indexOf("\n") };
    expect(splitPoints(text, two).map((p) => p.before)).toEqual(["Putin called Goita on Tuesday."]);
    const one = "Mali and Burkina Faso pledged support to Niger, while ECOWAS kept looking for ways to resolve the crisis.";
    expect(splitPoints(one, { start: 0, end: one.length }).map((p) => p.before)).toEqual(["Mali and Burkina Faso pledged support to Niger,"]);
    expect(splitPoints("Short, very short claim here.", { start: 0, end: 29 })).toEqual([]);
  });
});
