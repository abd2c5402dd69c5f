import { describe, it, expect } from "vitest";
import { sameSitePath } from "./redirect";

describe("sameSitePath", () => {
  it("keeps paths on this site", () => {
    expect(sameSitePath("/queue?status=unreviewed#top")).toBe("/queue?status=unreviewed#top");
    expect(sameSitePath("/claims/./abc/../def")).toBe("/claims/def");
    expect(sameSitePath(undefined)).toBe("/");
  });

  // The attack run's variants: each became "//evil.example" once dot segments were resolved.
  it.each([
    "//evil.com",
    "/\\evil.com",
    "/\tx/evil.com",
    "https://evil.com/queue",
    "javascript:alert(1)",
    "\t//evil.com",
    "/.//evil.example",
    "/..//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example/path",
    "/%2e//evil.example",
    "/.%2f/evil.example",
    "///evil.example",
    "\\\\evil.example",
    "/..\\/evil.example",
    " /.//evil.example",
  ])("refuses %j", (bad) => {
    const out = sameSitePath(bad);
    // What the browser does with the answer: resolve it against the current page, then again.
    const landed = new URL(out, "http://desk.test/login?callbackUrl=x");
    expect(landed.host).toBe("desk.test");
    expect(new URL(landed.pathname, "http://desk.test").host).toBe("desk.test");
    expect(out.startsWith("//")).toBe(false);
  });
});
