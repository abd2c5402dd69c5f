import { describe, it, expect, beforeAll } from "vitest";
import { freshDatabase } from "@/lib/test/db";
import { userWithToken } from "@/lib/test/factories";
import { seedReviewedDesk } from "@/lib/exports/test-desk";
import { publicClaimPage } from "@/lib/exports/data";
import type { Db } from "@/lib/db/client";
import Page from "./page";

let db: Db;
let desk: Awaited<ReturnType<typeof seedReviewedDesk>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  desk = await seedReviewedDesk(db, (await userWithToken(db, "REVIEWER")).user.id);
});

// notFound() throws Next's 404 signal; the digest says which.
const render = (id: string) => Page({ params: Promise.resolve({ id }) });
const is404 = (e: unknown) => String((e as { digest?: string }).digest).includes("404");

describe("/r/{id}", () => {
  it("answers 404 for an unreviewed, unknown or malformed claim", async () => {
    for (const id of [desk.claims.tricky.id, "00000000-0000-4000-8000-000000000000", "nope"]) {
      await expect(render(id)).rejects.toSatisfy(is404);
    }
  });

  it("answers 404 for a reviewed claim when public pages are turned off", async () => {
    expect(await publicClaimPage(db, desk.claims.bridgeA.id)).not.toBeNull();
    await db.setting.create({ data: { key: "publicPages", value: false } });
    expect(await publicClaimPage(db, desk.claims.bridgeA.id)).toBeNull();
    await expect(render(desk.claims.bridgeA.id)).rejects.toSatisfy(is404);
    await db.setting.delete({ where: { key: "publicPages" } });
  });
});
