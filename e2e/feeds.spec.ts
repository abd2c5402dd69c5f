import crypto from "node:crypto";
import http from "node:http";
import { test, expect, e2eDb } from "./fixtures";
import { expectNoSeriousA11yViolations } from "./axe";
import { newsPage } from "../tests/news-page";
import { E2E_FIXTURE_PORT } from "../playwright.config";

// An outlet's feed and article pages, served from the test process on a port the desk's fetcher
// is allowed to reach (playwright.config.ts: FETCH_ALLOW_HOSTS).
const PORT = E2E_FIXTURE_PORT + 1;
const base = `http://127.0.0.1:${PORT}`;
// Fresh text per run, so articles from an earlier run on the same data folder are not duplicates.
const run = crypto.randomBytes(3).toString("hex");
const stories = [
  {
    path: `/news/${run}/levee`,
    title: "Levee gives way north of the delta",
    paragraphs: [
      `Engineers said on Tuesday that a 300-metre section of the levee near Kilometre ${run} had given way overnight, flooding 14 villages.`,
      "The regional water authority said 2,500 residents had been moved to higher ground by army trucks before dawn.",
    ],
  },
  {
    path: `/news/${run}/aid`,
    title: "Aid convoy reaches cut-off villages",
    paragraphs: [
      `A convoy of 22 lorries carrying food and clean water reached the cut-off villages on Wednesday, the Red Crescent said in statement ${run}.`,
      "Aid workers said 9,000 people in the area had been without drinking water for three days.",
    ],
  },
];
const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Delta Courier ${run}</title><link>${base}/</link>
${stories.map((s) => `<item><title>${s.title}</title><link>${base}${s.path}?utm_source=rss</link><pubDate>Tue, 24 Nov 2026 07:00:00 GMT</pubDate></item>`).join("")}
</channel></rss>`;

let server: http.Server;
test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === `/feed-${run}.xml`) return void res.writeHead(200, { "content-type": "application/rss+xml", etag: `"${run}"` }).end(rss);
    const story = stories.find((s) => s.path === path);
    if (story)
      return void res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(newsPage(story.paragraphs, { title: story.title, site: "Delta Courier" }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test("an admin adds a feed for an outlet, polls it now and sees its items imported", async ({ asAdmin: page }) => {
  const db = await e2eDb();
  const outlet = await db.outlet.create({ data: { name: `Delta Courier ${run}` } });
  const feedUrl = `${base}/feed-${run}.xml`;

  await page.goto("/admin/feeds");
  const add = page.getByRole("region", { name: "Add a feed" });
  await add.getByLabel("Outlet").selectOption({ label: outlet.name });
  await add.getByLabel("Feed address").fill("ftp://nowhere.example/feed");
  await add.getByRole("button", { name: "Add feed" }).click();
  await expect(add.getByText("Use an http(s) address")).toBeVisible();
  await add.getByLabel("Feed address").fill(feedUrl);
  await add.getByLabel("Minutes between polls").fill("120");
  await add.getByRole("button", { name: "Add feed" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added the feed for ${outlet.name}. Its first poll comes within a minute.`);

  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: outlet.name, exact: true }) });
  await expect(row).toContainText(feedUrl);
  await expect(row).toContainText("120 min");

  await row.getByRole("button", { name: `Poll now ${feedUrl}` }).click();
  await expect(row.getByRole("status")).toHaveText("Poll queued.");
  // The page refreshes itself while the worker polls: the feed's title, status and items appear.
  await expect(row.getByRole("cell", { name: "2 imported, 0 already known, 0 failed" })).toBeVisible({ timeout: 45_000 });
  await expect(row).toContainText(`Delta Courier ${run}`);
  await expect(row).toContainText("OK");
  await expectNoSeriousA11yViolations(page);

  await row.getByRole("button", { name: `Pause ${feedUrl}` }).click();
  await expect(row.getByRole("button", { name: `Resume ${feedUrl}` })).toBeVisible();
  await expect(row).toContainText("paused");

  await row.getByRole("link", { name: `Delta Courier ${run}` }).click();
  await expect(page.getByRole("heading", { name: `Delta Courier ${run}` })).toBeVisible();
  const items = page.getByRole("table");
  for (const s of stories) await expect(items.getByRole("row").filter({ hasText: s.title })).toContainText("Imported");
  // The tracking parameter is not part of the address the item is known by.
  await expect(items).toContainText(`${base}${stories[0].path}`);
  await expect(items).not.toContainText("utm_source");
  await expectNoSeriousA11yViolations(page);

  await items.getByRole("row").filter({ hasText: stories[0].title }).getByRole("link", { name: "Open article" }).click();
  await expect(page.getByRole("heading", { name: stories[0].title })).toBeVisible();
  await expect(page.getByText(outlet.name).first()).toBeVisible();
});

test("a reviewer is refused at /admin/feeds with a 403 page", async ({ asReviewer: page }) => {
  const res = await page.goto("/admin/feeds");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("button", { name: "Add feed" })).toHaveCount(0);
});
