import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { extractClaims } from "./extract";
import { extractClaimsInSlices } from "./slices";
import { longProse } from "../../tests/prose";

describe("extractClaimsInSlices", () => {
  it("finds exactly the claims of extractClaims, on a long article and on the seed articles", async () => {
    const dir = path.resolve("prisma/seed/articles");
    const texts = [
      longProse(200_000),
      ...fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => fs.readFileSync(path.join(dir, f), "utf8")),
    ];
    for (const t of texts) expect(await extractClaimsInSlices(t)).toEqual(extractClaims(t));
  });

  it("lets timers run between slices of a long article", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await extractClaimsInSlices(longProse(300_000));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });
});
