import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";

const seedDir = path.resolve("prisma/seed/articles");

test("an admin uploads two files and sees their claims highlighted", async ({ asAdmin: page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Outlet").fill("E2E Upload Desk");
  // Fresh content, so the seeded copies of the same articles do not make these duplicates.
  const stamp = Date.now();
  const files = ["003_8cea190d64bb76b8.txt", "001_9be18b6f6a08e22b.txt"].map((f, i) => ({
    name: `upload-${i}.txt`,
    mimeType: "text/plain",
    buffer: Buffer.from(fs.readFileSync(path.join(seedDir, f), "utf8") + `\n\nEditors filed this copy as upload ${stamp}-${i} on Monday, the desk said.`),
  }));
  await page.getByLabel("Or upload files (.txt, .md, .html)").setInputFiles(files);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Done: 2 processed.")).toBeVisible({ timeout: 30_000 });
  const results = page.getByRole("list", { name: "Import results" });
  await expect(results.getByRole("listitem")).toHaveCount(2);
  await expect(results).toContainText("upload-0.txt: new");
  await expect(results).toContainText("upload-1.txt: new");

  await results.getByRole("link", { name: "Open upload-0.txt" }).click();
  const text = page.getByRole("region", { name: "Article text" });
  await expect(text.locator("mark").first()).toBeVisible();
  expect(await text.getByLabel(/^Claim: /).count()).toBeGreaterThanOrEqual(3);
  await expect(text).not.toContainText("Advertisement");
});

test("an HTML upload is reduced to its article text", async ({ asAdmin: page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Outlet").fill("E2E HTML Desk");
  // Fresh words, so an earlier run's article on the same desk is not a duplicate.
  const stamp = Date.now();
  const html = `<html><head><title>Goita thanks Putin ${stamp}</title></head><body><nav>Home World Sport</nav><article>
  <p>Mali's interim president Assimi Goita said on Wednesday that he had thanked Vladimir Putin for Russia's support during a telephone call.</p>
  <p>The Kremlin said the two leaders agreed to expand cooperation in security, energy and agriculture over the next 12 months.</p>
  <p>Officials in Bamako said 2,000 tonnes of Russian wheat had arrived at the port of Dakar for onward shipment to Mali.</p>
  <p>Filed as ${stamp}.</p></article></body></html>`;
  await page.getByLabel("Or upload files (.txt, .md, .html)").setInputFiles({ name: "story.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("list", { name: "Import results" })).toContainText("story.html: new");
  await page.getByRole("link", { name: "Open story.html" }).click();
  await expect(page.getByRole("heading", { name: /Goita thanks Putin/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Article text" })).not.toContainText("Home World Sport");
});

test("a duplicate and a refused file are reported per file", async ({ asAdmin: page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Outlet").fill("TODAY");
  const seedText = fs.readFileSync(path.join(seedDir, "003_8cea190d64bb76b8.txt"));
  await page.getByLabel("Or upload files (.txt, .md, .html)").setInputFiles([
    { name: "again.txt", mimeType: "text/plain", buffer: seedText },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("Advertisement\n\nLogo\n") },
  ]);
  await page.getByRole("button", { name: "Import" }).click();
  const results = page.getByRole("list", { name: "Import results" });
  await expect(results).toContainText("again.txt: duplicate (already on the desk as TODAY's article)");
  await expect(results).toContainText("empty.txt: refused");
});

test("a reviewer cannot open the import page", async ({ asReviewer: page }) => {
  const res = await page.goto("/articles/new");
  expect(res?.status()).toBe(403);
});

test("pasted text and chosen files are both imported, each file under its own outlet", async ({ asAdmin: page }) => {
  const stamp = Date.now();
  await page.goto("/articles/new");
  await page.getByLabel("Outlet").fill(`E2E Paste Desk ${stamp}`);
  await page
    .getByLabel("Article text")
    .fill(`Officials in Gao said on Monday that ${stamp % 1000} people were hurt when a convoy struck a mine near the town, the army said.`);
  const page1 = `<html><head><meta property="og:site_name" content="E2E Site ${stamp}"></head><body><article><p>The army said on Tuesday that 12 soldiers were wounded near Gao in an attack claimed by an armed group, according to a statement ${stamp}.</p></article></body></html>`;
  await page.getByLabel("Or upload files (.txt, .md, .html)").setInputFiles({ name: "site.html", mimeType: "text/html", buffer: Buffer.from(page1) });
  await expect(page.getByLabel("Outlet of site.html")).toHaveValue(`E2E Site ${stamp}`);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Done: 2 processed.")).toBeVisible({ timeout: 30_000 });
  const results = page.getByRole("list", { name: "Import results" });
  await expect(results).toContainText("site.html: new");
  await expect(results).toContainText("Pasted text: new");
  await results.getByRole("link", { name: "Open site.html" }).click();
  await expect(page.getByText(`E2E Site ${stamp} · `)).toBeVisible();
});
