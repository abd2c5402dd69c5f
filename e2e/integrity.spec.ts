import { test, expect, e2eDb } from "./fixtures";
import { claimWithSupport, escape, isolatedClaim } from "./desk-data";
import { ClaimPage, twoReviewersOn } from "./pages/claim-page";

// A seed claim with at least two open suggestions, the best an independent "supports" one.
async function claimWithTwoSuggestions() {
  const db = await e2eDb();
  const exclude: string[] = [];
  for (let i = 0; i < 20; i++) {
    const found = await claimWithSupport(exclude);
    const open = await db.claimLink.findMany({
      where: { fromClaimId: found.id, state: "SUGGESTED" },
      orderBy: [{ score: "desc" }, { toClaimId: "asc" }],
      select: { toClaim: { select: { text: true, article: { select: { outlet: { select: { name: true } } } } } } },
    });
    if (open.length >= 2) return { ...found, second: { outlet: open[1].toClaim.article.outlet.name, text: open[1].toClaim.text } };
    exclude.push(found.id);
  }
  throw new Error("No claim with two suggestions on the e2e desk.");
}

test("a link made against an old version is refused in the other browser, and the draft survives the conflict and a reload", async ({ browser }) => {
  const { id, outlet, text, second } = await claimWithTwoSuggestions();
  const {
    users: [, rb],
    pages: [a],
    claims: [pa, pb],
    close,
  } = await twoReviewersOn(browser, id);

  // B links a contradicting passage; A, without reloading, types a rationale and links a supporting one.
  await pb
    .suggestion(second.outlet, escape(second.text.slice(0, 40)))
    .getByRole("button", { name: "Link as contradicting" })
    .click();
  await expect(pb.linked.getByRole("article", { name: new RegExp(`${second.outlet}: ${escape(second.text.slice(0, 40))}`) })).toBeVisible();
  const draft = "Draft: three outlets carry the same readout of the call.";
  await pa.rationale.fill(draft);
  await pa.linkAsSupporting(pa.suggestion(outlet, escape(text.slice(0, 40))));
  const conflict = a.getByRole("region", { name: "Conflict" });
  await expect(conflict).toContainText(`${rb.name} linked a passage as contradicting`);
  await expect(conflict).toContainText(`“${draft}”`);
  await expect(conflict).toContainText("Pending change: link as supporting");
  await expect(pa.linked.getByRole("article", { name: new RegExp(`${outlet}: ${escape(text.slice(0, 40))}`) })).toHaveCount(0);

  // Their change loads, mine is applied on top, and nothing typed is lost, even across a reload.
  await a.getByRole("button", { name: "Load their changes and apply mine again" }).click();
  await expect(pa.linked.getByRole("article", { name: new RegExp(`${outlet}: ${escape(text.slice(0, 40))}`) })).toBeVisible();
  await expect(pa.linked.getByRole("article", { name: new RegExp(`${second.outlet}: ${escape(second.text.slice(0, 40))}`) })).toBeVisible();
  await expect(pa.rationale).toHaveValue(draft);
  await a.reload();
  await expect(pa.rationale).toHaveValue(draft);

  // Corroborated beside a contradiction needs a rationale that weighs it; then it is "disputed".
  await pa.rationale.fill("");
  await pa.save("Corroborated");
  await expect(a.getByText(/contradiction is outweighed/).first()).toBeVisible();
  await expect(pa.status).toHaveCount(0);
  await pa.save("Corroborated", "The readouts of three outlets outweigh one misdated report.");
  await expect(pa.status).toBeVisible();
  await expect(a.getByText("Corroborated · disputed")).toBeVisible();
  await close();
});

test("nothing is public before an admin approves it; the public page shows the approved, disputed review", async ({ browser, asAdmin: page, reviewer }) => {
  const { claim, tag } = await isolatedClaim(reviewer.id, { contradicted: true });
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await (await e2eDb()).setting.upsert({ where: { key: "publicPages" }, create: { key: "publicPages", value: true }, update: { value: true } });
  expect((await visitor.goto(`/r/${claim.id}`))?.status()).toBe(404);

  await page.goto("/queue?status=all&flag=awaiting-approval");
  await page.getByRole("link", { name: claim.text }).click();
  const publication = page.getByRole("region", { name: "Publication" });
  await expect(publication).toContainText("Awaiting approval");
  await publication.getByRole("button", { name: "Approve for publication" }).click();
  await expect(publication).toContainText("Published");
  await expect(publication).toContainText("Corroborated · disputed");

  expect((await visitor.goto(`/r/${claim.id}`))?.status()).toBe(200);
  await expect(visitor.getByRole("region", { name: "Verdict" })).toContainText("Corroborated (disputed)");
  await expect(visitor.getByRole("region", { name: "Evidence" })).toContainText(`Contradicts · E2E Sentinel ${tag}`);
  const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd.itemReviewed.appearance.map((x: { url: string }) => x.url)).toEqual([expect.stringMatching(/^https:\/\/news\.example\//)]);

  // A new verdict waits for approval; the public page keeps the approved review meanwhile.
  const claimPage = new ClaimPage(page);
  await claimPage.save("Corroborated", "A second reading, not yet approved by anyone.");
  await expect(claimPage.status).toBeVisible();
  await expect(publication).toContainText("Published; a newer verdict is awaiting approval");
  await visitor.reload();
  await expect(visitor.getByRole("region", { name: "Verdict" })).toContainText("The officials' confirmation outweighs the engineers' doubt.");
  await expect(claimPage.history).toContainText("approved Corroborated for publication");
  await anonymous.close();
});

test("putting two outlets in one origin group makes their link dependent and flags the verdict", async ({ asAdmin: page, reviewer }) => {
  const { claim, outlets, tag } = await isolatedClaim(reviewer.id);
  await page.goto("/admin/outlets");
  for (const o of [outlets.a, outlets.b]) {
    await page.getByRole("button", { name: `Edit ${o.name}` }).click();
    const edit = page.getByRole("form", { name: `Edit ${o.name}` });
    await edit.getByLabel("Origin group").fill(`Dam media ${tag}`);
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toHaveCount(0);
  }
  await page.goto("/queue?status=all&flag=needs-review");
  await page.getByRole("link", { name: claim.text }).click();
  await expect(page.getByRole("status").filter({ hasText: "Needs re-review" })).toContainText("origin group changed");
  const claimPage = new ClaimPage(page);
  await expect(claimPage.linked.getByRole("article").first()).toContainText("same origin group or near-copy");
  await expect(claimPage.history.getByRole("listitem").first()).toContainText("flagged for re-review");
  await expect(page.getByRole("region", { name: "Publication" }).getByRole("button", { name: "Approve for publication" })).toBeDisabled();
});

test("an admin corrects a wire credit on the article page; the verdict that relied on the link is flagged", async ({ asAdmin: page, reviewer, browser }) => {
  const { claim, support } = await isolatedClaim(reviewer.id);
  // The first credit is saved before any script runs (as when the admin types before the page has
  // hydrated): the form posts on its own and what was typed is what is saved.
  const noScripts = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScripts.newPage();
  for (const [p, articleId] of [
    [plain, claim.articleId],
    [page, support.articleId],
  ] as const) {
    await p.goto(`/articles/${articleId}`);
    const form = p.getByRole("form", { name: "Wire credit" });
    await form.getByLabel("Wire credit").fill("Reuters");
    await form.getByRole("button", { name: "Save wire credit" }).click();
    await expect(form).toContainText("Saved.");
  }
  await noScripts.close();
  await expect(page.getByRole("form", { name: "Wire credit" })).toContainText("1 verdict flagged for re-review");
  const claimPage = new ClaimPage(page);
  await claimPage.goto(claim.id);
  await expect(page.getByRole("status").filter({ hasText: "Needs re-review" })).toContainText("wire credit");
  await expect(claimPage.linked.getByRole("article").first()).toContainText("same origin group or near-copy");
});

test("Next follows the filtered queue; the claim page shows its assignee and keeps the title in view", async ({ asReviewer: page, reviewer }) => {
  const db = await e2eDb();
  const outlet = await db.outlet.findFirstOrThrow({ where: { name: "Tech Times" } });
  await page.goto(`/queue?status=all&outlet=${outlet.id}`);
  const hrefs = await page
    .getByRole("table")
    .getByRole("link")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href")!).filter((h) => h.startsWith("/claims/")));
  expect(hrefs.length).toBeGreaterThan(1);
  expect(hrefs[0]).toContain(`outlet=${outlet.id}`);
  const first = hrefs[0].split("?")[0].split("/").pop()!;
  await db.claim.update({ where: { id: first }, data: { assigneeId: reviewer.id } });

  await page.goto(hrefs[0]);
  await expect(page.getByText(`assigned to ${reviewer.name}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Review claim" })).toBeInViewport();
  await expect(page.getByRole("link", { name: "Next claim" })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole("link", { name: "Next claim" }).click();
  await expect(page).toHaveURL(new RegExp(`${escape(hrefs[1])}$`));
  await page.getByRole("link", { name: "Previous claim" }).click();
  await expect(page).toHaveURL(new RegExp(`${escape(hrefs[0])}$`));
});
