import { describe, it, expect } from "vitest";
import { sameSitePath } from "./redirect";

describe("sameSitePath", () => {
  it("keeps paths on this site", () => {
    expect(sameSitePath("/queue?status=unreviewed#top")).toBe("/queue?status=unreviewed#top");
    expect(sameSitePath(undefined)).toBe("/");
  });

  it.each(["//evil.com", "/\\evil.com", "/\tx/evil.com", "https://evil.com/queue", "javascript:alert(1)", "\t//evil.com"])("refuses %j", (bad) => {
    const out = sameSitePath(bad);
    expect(new URL(out, "http://desk.test").host).toBe("desk.test");
  });
});
