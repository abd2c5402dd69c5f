import { describe, it, expect } from "vitest";
import { hashPassword, verifyPassword, generatePassword } from "./password";

describe("passwords", () => {
  it("hash with argon2id and verify only the right password", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "correct horse battery")).toBe(true);
    expect(await verifyPassword(h, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("generates distinct readable passwords", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(a).not.toMatch(/[01lio]/);
    expect(new Set(Array.from({ length: 50 }, generatePassword)).size).toBe(50);
  });
});
