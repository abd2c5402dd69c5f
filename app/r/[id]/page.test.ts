import { describe, it, expect, beforeAll, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { renderToStaticMarkup } from "react-dom/server";
import { freshDatabase } from "@/tests/db";
import { userWithToken } from "@/tests/factories";
import { seedReviewedDesk } from "@/tests/export-desk";
import { publicClaimPage } from "@/lib/exports/data";
import type { Db } from "@/lib/db/client";
// What an attacker sends: the page used to write these into the published JSON-LD url.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "evil.example", "x-forwarded-host": "evil.example" }) }));
const { default: Page } = await import("./page");

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

describe("/r/{id} hardening", () => {
  it("takes its public URL from the environment, never from Host or X-Forwarded-Host", async () => {
    const saved = { url: process.env.NEXTAUTH_URL, port: process.env.PORT };
    delete process.env.NEXTAUTH_URL;
    process.env.PORT = "3999";
    reloadEnv();
    try {
      const html = renderToStaticMarkup(await render(desk.claims.bridgeA.id));
      expect(html).not.toContain("evil.example");
      expect(html).toContain(`http://localhost:3999/r/${desk.claims.bridgeA.id}`);
    } finally {
      if (saved.port === undefined) delete process.env.PORT;
      else process.env.PORT = saved.port;
      if (saved.url !== undefined) process.env.NEXTAUTH_URL = saved.url;
      reloadEnv();
    }
  });

  it("isolates outlet names and article text, so a right-to-left override cannot reverse the line", async () => {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: desk.claims.bridgeA.id }, select: { article: { select: { outletId: true } } } });
    // Stored before names were normalised: the page must still contain it.
    await db.outlet.update({ where: { id: claim.article.outletId }, data: { name: "Good News \u202e" } });
    const html = renderToStaticMarkup(await render(desk.claims.bridgeA.id));
    expect(html).toContain("<bdi>Good News \u202e</bdi>");
    expect(html).toMatch(/<h1 id="claim-title" dir="auto"/);
  });
});
