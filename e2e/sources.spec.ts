import http from "node:http";
import { test, expect, e2eDb, signIn } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./axe";
import { E2E_FIXTURE_PORT } from "../playwright.config";
import { newsPage, STORY_V1, STORY_V2 } from "../tests/news-page";

// Issue 14: an admin imports an article by its address, the outlet silently edits it, and the
// reviewer finds the claim whose words changed flagged, its verdict kept.
let page = "";
let server: http.Server;
test.beforeAll(async () => {
  server = http.createServer((_req, res) => void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page));
  await new Promise<void>((r) => server.listen(E2E_FIXTURE_PORT, "127.0.0.1", () => r()));
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test("an admin imports by URL, the page changes, and the reviewer sees the flagged claim", async ({ asAdmin, browser, reviewer }) => {
  // Two sign-ins, two fetches, two accessibility scans and three pages: on a loaded 2-core CI machine
  // the whole walk took 60 s, the default limit, with every step passing.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const site = `E2E Courier ${stamp}`;
  // Fresh words, so an earlier run's article is not a duplicate.
  const v1 = [...STORY_V1.slice(0, 2), `${STORY_V1[2]} Filed as ${stamp}.`];
  const v2 = [...STORY_V2.slice(0, 3), `${STORY_V2[3]} Filed as ${stamp}.`];
  page = newsPage(v1, { site, title: `Delta flooding ${stamp}` });
  const url = `http://127.0.0.1:${E2E_FIXTURE_PORT}/story-${stamp}`;

  await asAdmin.goto("/articles/new");
  await asAdmin.getByLabel("Article address").fill(url);
  await asAdmin.getByRole("button", { name: "Fetch the page" }).click();
  const status = asAdmin.getByRole("status").filter({ hasText: "Imported with" });
  await expect(status).toBeVisible({ timeout: 30_000 });
  await status.getByRole("link", { name: `Delta flooding ${stamp}` }).click();
  await expect(asAdmin.getByRole("region", { name: "Article text" })).toContainText("12,000 people");
  const articleUrl = asAdmin.url();

  // A reviewer's verdict on the death-toll claim, before the outlet edits it.
  const db = await e2eDb();
  const articleId = articleUrl.split("/").pop()!;
  const toll = await db.claim.findFirstOrThrow({ where: { articleId, text: { contains: "12,000 people" } } });
  // Written as the verdict mutation would (it is server-only, so not importable here).
  await db.claim.update({ where: { id: toll.id }, data: { status: "SINGLE_SOURCED", version: { increment: 1 }, awaitingApproval: true } });
  await db.verdictEvent.create({
    data: {
      claimId: toll.id,
      actorId: reviewer.id,
      verdict: "SINGLE_SOURCED",
      previous: "UNREVIEWED",
      rationale: "Only this outlet gives the figure.",
      linkedClaimIds: [],
      kind: "VERDICT",
    },
  });

  // The snapshot is there for admins, sandboxed.
  await asAdmin.getByRole("link", { name: "Fetched pages" }).click();
  await expect(asAdmin.getByTitle("Fetched page, sandboxed")).toHaveAttribute("sandbox", "");
  await asAdmin.goBack();

  page = newsPage(v2, { site, title: `Delta flooding ${stamp}` });
  await asAdmin.getByRole("button", { name: "Re-fetch now" }).click();
  await expect(asAdmin.getByRole("status").filter({ hasText: "The page changed: version 2" })).toBeVisible({ timeout: 30_000 });
  await asAdmin.reload();
  const diff = asAdmin.getByRole("region", { name: "Changes between versions" });
  await expect(diff.locator("ins", { hasText: "18" })).toBeVisible();
  await expect(diff.locator("del", { hasText: "Schools in three districts" })).toBeVisible();
  await expectNoSeriousA11yViolations(asAdmin);

  const context = await browser.newContext();
  const rp = await context.newPage();
  await signIn(rp, reviewer);
  await rp.goto("/queue");
  await rp.getByRole("link", { name: "Source changed" }).click();
  await rp
    .getByRole("row")
    .filter({ hasText: `Delta flooding ${stamp}` })
    .getByRole("link", { name: /12,000 people/ })
    .click();
  const warning = rp.getByRole("status").filter({ hasText: "Source changed." });
  await expect(warning).toContainText("18,000 people");
  await expect(warning).toContainText("The verdict below was given on the earlier version");
  await expect(rp.locator("strong", { hasText: "Single-sourced" }).first()).toBeVisible();
  await expect(rp.getByRole("list", { name: "History" })).toContainText("source changed");
  await expectNoSeriousA11yViolations(rp);
  // A claim whose words only moved is not flagged.
  await rp.goto("/queue?status=all&flag=source-changed");
  const mine = rp.getByRole("row").filter({ hasText: `Delta flooding ${stamp}` });
  await expect(mine.getByRole("link", { name: /12,000 people/ })).toHaveCount(1);
  await expect(mine.getByRole("link", { name: /40 boats/ })).toHaveCount(0);
  await context.close();
});
