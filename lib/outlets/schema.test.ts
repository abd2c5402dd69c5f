import { describe, it, expect } from "vitest";
import { createOutletSchema, updateOutletSchema } from "./schema";

const domainOf = (domain: unknown) => createOutletSchema.safeParse({ name: "X", domain });

describe("outlet domain", () => {
  it.each([
    ["reuters.com", "reuters.com"],
    ["  Reuters.COM ", "reuters.com"],
    ["reuters.com.", "reuters.com"],
    ["https://www.reuters.com/world/europe?x=1", "www.reuters.com"],
    ["HTTP://apnews.com", "apnews.com"],
    ["bbc.co.uk", "bbc.co.uk"],
  ])("keeps %j as %j", (given, kept) => {
    expect(domainOf(given)).toMatchObject({ success: true, data: { domain: kept } });
  });

  it.each(["", "   ", null, undefined])("treats %j as none", (given) => {
    const r = domainOf(given);
    expect(r.success).toBe(true);
    expect(r.data?.domain ?? null).toBeNull();
  });

  it.each([
    "reuters .com",
    "ftp://reuters.com",
    "javascript:alert(1)",
    "reuters.com/world",
    "reuters.com:8080",
    "localhost",
    "-bad.com",
    "https://",
    "reuters",
  ])("refuses %j", (given) => {
    expect(domainOf(given).success).toBe(false);
  });
});

describe("outlet form fields", () => {
  it("turns empty form fields into null, so saving a form can clear them", () => {
    const r = updateOutletSchema.parse({ id: "00000000-0000-4000-8000-000000000000", name: " Meduza ", domain: "", originGroup: " ", notes: "" });
    expect(r).toEqual({ id: "00000000-0000-4000-8000-000000000000", name: "Meduza", domain: null, originGroup: null, notes: null });
  });
});
