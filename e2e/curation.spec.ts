import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./axe";

// Selects a fragment of the article text the way a reader would, then releases the mouse.
async function select(page: Page, fragment: string) {
  await page.evaluate((frag) => {
    const region = document.querySelector('section[aria-label="Article text"]')!;
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(frag);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + frag.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(r);
      n.parentElement!.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`not in the article: ${frag}`);
  }, fragment);
}

test("import an HTML page, fix its outlet, add a missed claim, set one aside, merge two, and see the queue change", async ({ asAdmin: page }) => {
  const stamp = Date.now();
  const html = `<html><head><title>ignored</title>
    <meta property="og:title" content="Goita and Putin agree on wheat ${stamp}">
    <meta property="og:site_name" content="Sahel Daily ${stamp}">
    <meta property="og:url" content="https://saheldaily.example/goita-putin-${stamp}">
    <meta property="article:published_time" content="2024-03-28T08:00:00Z"></head>
    <body><nav>Home World Sport</nav><article>
    <p>Mali's interim president Assimi Goita said on Wednesday that Russia would deliver 25,000 tonnes of wheat to Mali by June, according to a statement.</p>
    <p>The Kremlin said Vladimir Putin and Goita agreed on Wednesday to deliver 25,000 tonnes of wheat to Mali before June.</p>
    <p>Officials in Bamako said 2,000 tonnes of Russian fertilizer had arrived at the port of Dakar on March 20 for shipment to Mali.</p>
    <p>Some people think it was a nice day for everyone in Bamako.</p>
    <p>It was a pleasant and rather sunny afternoon in the capital, residents told reporters on Wednesday ${stamp}.</p>
    </article></body></html>`;

  await page.goto("/articles/new");
  await page.getByLabel("Or upload files (.txt, .md, .html)").setInputFiles({ name: "sahel.html", mimeType: "text/html", buffer: Buffer.from(html) });
  const rows = page.getByRole("table", { name: "Files to import" });
  await expect(rows.getByLabel("Title of sahel.html")).toHaveValue(`Goita and Putin agree on wheat ${stamp}`);
  await expect(rows.getByLabel("Date of sahel.html")).toHaveValue("2024-03-28");
  await expect(rows.getByLabel("Outlet of sahel.html")).toHaveValue(`Sahel Daily ${stamp}`);
  await rows.getByLabel("Outlet of sahel.html").fill(`Sahel Tribune ${stamp}`);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("list", { name: "Import results" })).toContainText("sahel.html: new");
  await page.getByRole("link", { name: "Open sahel.html" }).click();

  await expect(page.getByRole("heading", { name: `Goita and Putin agree on wheat ${stamp}` })).toBeVisible();
  await expect(page.getByText(`Sahel Tribune ${stamp} · published 2024-03-28`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Set aside (not checkable)");
  await expectNoSeriousA11yViolations(page);
  const text = page.getByRole("region", { name: "Article text" });
  const claimsList = page.getByRole("list", { name: "Claims of this article" });
  const articleUrl = page.url();
  const articleId = articleUrl.split("/").pop()!;
  // A claim's row in the list, found by its link (the merge menus of other rows quote its text too).
  const row = (start: string) => claimsList.getByRole("listitem").filter({ has: page.getByRole("link", { name: new RegExp(`^${start}`) }) });

  // A missed sentence becomes a claim from a selection of a few of its words.
  await expect(text.getByLabel("Claim: Some people think it was a nice day for everyone in Bamako.")).toHaveCount(0);
  await select(page, "nice day");
  await page.getByRole("button", { name: "Add claim from selection" }).click();
  await expect(text.getByLabel("Claim: Some people think it was a nice day for everyone in Bamako.")).toBeVisible();
  const added = text.getByRole("link", { name: "Some people think it was a nice day for everyone in Bamako." });
  await expect(added).toHaveAttribute("href", /^\/claims\/[0-9a-f-]{36}$/);

  // Its span is moved to an exact selection: the words come from the article at the new offsets.
  await page.getByLabel("Whole sentences").uncheck();
  await select(page, "it was a nice day for everyone in Bamako");
  await page.getByLabel("Move the span of").selectOption({ label: "Some people think it was a nice day for everyone in Bamako." });
  await page.getByRole("button", { name: "Use selection as span" }).click();
  await expect(text.getByLabel("Claim: it was a nice day for everyone in Bamako")).toBeVisible();

  // It is an opinion after all: set it aside. It stays on the article, struck through.
  const opinion = row("it was a nice day");
  await opinion.getByLabel("Why is it not checkable?").selectOption({ label: "Opinion" });
  await opinion.getByRole("button", { name: "Set aside" }).click();
  await expect(row("it was a nice day")).toContainText("Set aside (not checkable): Opinion");

  // The Kremlin's sentence repeats Goita's: merge it into his.
  const kremlin = row("The Kremlin said Vladimir Putin and Goita agreed");
  await kremlin.getByLabel("Duplicate of").selectOption({ label: `into “${"Mali's interim president Assimi Goita said on Wednesday that".slice(0, 50)}”` });
  await kremlin.getByRole("button", { name: "Merge" }).click();
  await expect(row("The Kremlin said Vladimir Putin")).toContainText("Set aside (not checkable): Duplicate");

  // The queue holds the article's remaining claims only.
  await page.goto(`/queue?article=${articleId}&assignee=anyone`);
  const queue = page.getByRole("table");
  await expect(queue.getByRole("link", { name: /^Mali's interim president Assimi Goita said/ })).toBeVisible();
  await expect(queue.getByRole("link", { name: /nice day/ })).toHaveCount(0);
  await expect(queue.getByRole("link", { name: /^The Kremlin said Vladimir Putin/ })).toHaveCount(0);

  // An admin fixes the date and then removes the article.
  await page.goto(articleUrl);
  await page.getByText("Edit or delete this article").click();
  await page.getByLabel("Publication date").fill("2024-03-27");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByText("Saved: publishedAt; matching again.")).toBeVisible();
  await page.getByRole("button", { name: "Delete article" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByRole("link", { name: `Goita and Putin agree on wheat ${stamp}` })).toHaveCount(0);
});
