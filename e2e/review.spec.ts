import AxeBuilder from "@axe-core/playwright";
import { test, expect, e2eDb } from "./fixtures";
import { claimWithSupport, escape, freshClaim } from "./desk-data";
import { ClaimPage, twoReviewersOn } from "./pages/claim-page";

test("a reviewer links a suggestion, saves Corroborated and sees it in the history", async ({ asReviewer: page, reviewer }) => {
  // On the seed desk: Tech Times' "exclusively peaceful political and diplomatic means", which
  // MyJoyOnline reports too.
  const { id, outlet, text } = await claimWithSupport([], ["Tech Times", "exclusively peaceful"]);
  const claimText = (await (await e2eDb()).claim.findUniqueOrThrow({ where: { id } })).text;
  const claim = new ClaimPage(page);
  await claim.goto(id);
  await expect(claim.articleText.getByLabel(`Claim: ${claimText}`)).toBeInViewport();

  const words = escape(text.slice(0, 40));
  const suggestion = claim.suggestion(outlet, words);
  await expect(suggestion).toContainText("supports");
  await expect(suggestion).toContainText("independent");
  await expect(suggestion.locator("em").first()).toBeVisible();
  await claim.linkAsSupporting(suggestion);
  await expect(claim.linked.getByRole("article", { name: new RegExp(`${outlet}: ${words}`) })).toBeVisible();
  await expect(claim.suggestion(outlet, words)).toHaveCount(0);

  await claim.save("Corroborated", `${outlet} reports the same statement.`);
  await expect(claim.status).toBeVisible();
  const entry = claim.history.getByRole("listitem").first();
  await expect(entry).toContainText(reviewer.name);
  await expect(entry).toContainText("Corroborated (was Unreviewed)");
  await expect(entry).toContainText(`${outlet} reports the same statement.`);
  await expect(claim.history).toContainText("linked as supporting");
});

test("a rule violation is explained and nothing is saved", async ({ asReviewer: page }) => {
  const id = await freshClaim("Africanews", "exclusively by peace");
  const claim = new ClaimPage(page);
  await claim.goto(id);
  await claim.save("Contradicted");
  // Once as the page's warning before saving, once as the server's refusal.
  await expect(page.getByText(/Contradicted needs at least one confirmed contradicting link/)).toHaveCount(2);
  await expect(claim.status).toHaveCount(0);
});

test("two reviewers save the same claim: the second is told who changed it and keeps their draft", async ({ browser }) => {
  const id = await freshClaim("Tech Times", "worsening Niger coup");
  const {
    users: [first],
    pages: [, b],
    claims: [pa, pb],
    close,
  } = await twoReviewersOn(browser, id);

  await pa.save("Single-sourced", "Only Tech Times puts it this way.");
  await expect(pa.status).toBeVisible();

  await pb.save("Single-sourced", "My own reading of it.");
  const stale = b.getByText(new RegExp(`${first.name} changed this claim to Single-sourced at .* UTC`));
  await expect(stale).toBeVisible();
  await expect(pb.status).toHaveCount(0);
  const conflict = b.getByRole("region", { name: "Conflict" });
  await expect(conflict).toContainText("Your draft");
  await expect(conflict).toContainText("“My own reading of it.”");
  await b.getByRole("button", { name: "Keep my draft and load their changes" }).click();
  await expect(pb.history.getByRole("listitem").first()).toContainText(first.name);
  await expect(pb.rationale).toHaveValue("My own reading of it.");
  await expect(pb.verdict("Single-sourced")).toBeChecked();
  await pb.save("Single-sourced", "Agreed.");
  await expect(pb.status).toBeVisible();
  await close();
});

test("a claim can be reviewed with the keyboard alone", async ({ asReviewer: page }) => {
  const { id } = await claimWithSupport([], ["The Moscow Times", "head of the Malian junta"]);
  const claim = new ClaimPage(page);
  await claim.goto(id);

  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  // The heading is server-rendered: the shortcuts listen only once the page has hydrated, which a
  // loaded CI machine can take a moment longer to do. Press again until they answer.
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(dialog).toContainText("Link the focused suggestion");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  let focused = "";
  for (let i = 0; i < 60 && !focused.startsWith("Suggestion from"); i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
  }
  expect(focused).toMatch(/^Suggestion from /);
  const target = focused.replace(/^Suggestion from /, "");
  await page.keyboard.press("l");
  await expect(claim.linked.getByRole("article", { name: `Linked passage from ${target}` })).toBeVisible();

  await page.keyboard.press("1");
  await expect(claim.verdict("Corroborated")).toBeChecked();
  await page.keyboard.press("s");
  await expect(claim.status).toBeVisible();

  await page.keyboard.press("j");
  await expect(page).not.toHaveURL(new RegExp(id));
  await expect(page).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Review claim" })).toBeVisible();
});

test("a reviewer links a passage found by search, and it becomes a claim", async ({ asReviewer: page }) => {
  const id = await freshClaim("Tech Times", "exclusively peaceful");
  const claim = new ClaimPage(page);
  await claim.goto(id);
  await page.getByLabel("Search other articles").fill("Kremlin");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByRole("list", { name: "Search results" });
  // A sentence that is not yet a claim when there is one left (earlier runs turn them into claims).
  const plain = results.getByRole("listitem").filter({ hasText: "becomes a claim when linked" });
  await expect(results.getByRole("listitem").first()).toBeVisible();
  const hit = (await plain.count()) ? plain.first() : results.getByRole("listitem").first();
  await expect(claim.page.getByText("Nothing is linked yet.")).toBeVisible();
  await hit.getByRole("button", { name: "Link as supporting" }).click();
  await expect(claim.linked.getByRole("listitem")).toHaveCount(1);
});

test("the claim page has no serious or critical accessibility violations", async ({ asReviewer: page }) => {
  const db = await e2eDb();
  const withSuggestions = await db.claim.findFirstOrThrow({ where: { linksFrom: { some: { state: "SUGGESTED" } } }, orderBy: { checkworthiness: "desc" } });
  const claim = new ClaimPage(page);
  await claim.goto(withSuggestions.id);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a support from a report of another event says it counts only once a reviewer confirms it", async ({ asReviewer: page }) => {
  // On the seed desk: a sentence of the 10 September or March 2024 call's report, suggested as
  // background of a 15 August report's sentence, or the other way round (decision 038).
  const link = await (
    await e2eDb()
  ).claimLink.findFirstOrThrow({
    where: { background: true, relation: "SUPPORTS", origin: "SUGGESTED" },
    orderBy: [{ score: "desc" }, { id: "asc" }],
    select: { fromClaimId: true, toClaim: { select: { text: true, article: { select: { outlet: { select: { name: true } } } } } } },
  });
  const id = await freshClaim(link.fromClaimId);
  const claim = new ClaimPage(page);
  await claim.goto(id);
  const suggestion = claim.suggestion(link.toClaim.article.outlet.name, escape(link.toClaim.text.slice(0, 40)));
  await expect(suggestion).toContainText("report of another event: counts towards the verdict only once confirmed");
  await expect(suggestion).toContainText("reports of different events");
});
